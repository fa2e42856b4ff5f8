package sa.civilaffairs.cc.console.amidouble;

import static sa.civilaffairs.cc.console.amidouble.AmiDouble.response;
import static sa.civilaffairs.cc.console.amidouble.AmiDouble.withId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * app_queue's and manager.c's answers to the queue actions a console sends, in the layout of
 * {@code ami-queue-actions.log}: list actions answer {@code EventList: start}, their events, then a
 * {@code …Complete} event with {@code ListItems}; errors carry app_queue's exact messages.
 */
final class QueueActions {
    /** What goes back to the requester, then the events raised for everyone (QueueMemberPause…). */
    record Answer(List<AmiFrame> toRequester, List<AmiFrame> events) {
        static Answer reply(AmiFrame f) {
            return new Answer(List.of(f), List.of());
        }
    }

    private QueueActions() {
    }

    /** The answer, or null for an action the double does not know. */
    static Answer answer(PbxState pbx, AmiFrame action, String name, String id) {
        return switch (name) {
            case "queuestatus" -> queueStatus(pbx, action, id);
            case "queuesummary" -> queueSummary(pbx, action, id);
            case "queuepause" -> queuePause(pbx, action, id);
            case "queueadd" -> queueAdd(pbx, action, id);
            case "queueremove" -> queueRemove(pbx, action, id);
            case "coreshowchannels" -> coreShowChannels(pbx, id);
            default -> null;
        };
    }

    private static Answer queueStatus(PbxState pbx, AmiFrame action, String id) {
        String queueName = blankToNull(action.get("Queue"));
        String member = blankToNull(action.get("Member"));
        List<AmiFrame> out = new ArrayList<>();
        out.add(listStart(id, "Queue status will follow"));
        int items = 0;
        for (PbxState.Queue q : pbx.queues()) {
            if (queueName != null && !queueName.equals(q.name)) {
                continue;
            }
            List<AmiFrame.Header> params = new ArrayList<>();
            params.add(new AmiFrame.Header("Event", "QueueParams"));
            params.add(new AmiFrame.Header("Queue", q.name));
            params.add(new AmiFrame.Header("Max", q.params.get("Max")));
            params.add(new AmiFrame.Header("Strategy", q.params.get("Strategy")));
            params.add(new AmiFrame.Header("Calls", Integer.toString(q.entries.size())));
            for (String k : List.of("Holdtime", "TalkTime", "Completed", "Abandoned", "ServiceLevel",
                    "ServicelevelPerf", "ServicelevelPerf2", "Weight")) {
                params.add(new AmiFrame.Header(k, q.params.get(k)));
            }
            out.add(withActionId(params, id));
            items++;
            for (Map<String, String> m : q.members.values()) {
                if (member != null && !member.equals(m.get("Interface"))) {
                    continue;
                }
                List<AmiFrame.Header> h = new ArrayList<>();
                h.add(new AmiFrame.Header("Event", "QueueMember"));
                h.add(new AmiFrame.Header("Queue", q.name));
                h.add(new AmiFrame.Header("Name", m.get("MemberName")));
                h.add(new AmiFrame.Header("Location", m.get("Interface")));
                for (String k : List.of("StateInterface", "Membership", "Penalty", "CallsTaken", "LastCall",
                        "LastPause", "LoginTime", "InCall", "Status", "Paused", "PausedReason", "Wrapuptime")) {
                    h.add(new AmiFrame.Header(k, m.get(k)));
                }
                out.add(withActionId(h, id));
                items++;
            }
            if (member == null) {
                int position = 1;
                for (PbxState.Entry e : q.entries.values()) {
                    List<AmiFrame.Header> h = new ArrayList<>();
                    h.add(new AmiFrame.Header("Event", "QueueEntry"));
                    h.add(new AmiFrame.Header("Queue", q.name));
                    h.add(new AmiFrame.Header("Position", Integer.toString(position++)));
                    h.add(new AmiFrame.Header("Channel", header(e.channel(), "Channel")));
                    h.add(new AmiFrame.Header("Uniqueid", e.uniqueId()));
                    for (String k : List.of("CallerIDNum", "CallerIDName", "ConnectedLineNum", "ConnectedLineName")) {
                        h.add(new AmiFrame.Header(k, header(e.channel(), k)));
                    }
                    h.add(new AmiFrame.Header("Wait", Long.toString(pbx.waitSeconds(e))));
                    h.add(new AmiFrame.Header("Priority", "0"));
                    out.add(withActionId(h, id));
                    items++;
                }
            }
        }
        out.add(listComplete("QueueStatusComplete", id, items));
        return new Answer(out, List.of());
    }

    private static Answer queueSummary(PbxState pbx, AmiFrame action, String id) {
        String queueName = blankToNull(action.get("Queue"));
        List<AmiFrame> out = new ArrayList<>();
        out.add(listStart(id, "Queue summary will follow"));
        int items = 0;
        for (PbxState.Queue q : pbx.queues()) {
            if (queueName != null && !queueName.equals(q.name)) {
                continue;
            }
            int loggedIn = 0;
            int available = 0;
            for (Map<String, String> m : q.members.values()) {
                String status = m.get("Status");
                if (!"4".equals(status) && !"5".equals(status)) {
                    loggedIn++;
                    if (!"1".equals(m.get("Paused")) && ("0".equals(status) || "1".equals(status))) {
                        available++;
                    }
                }
            }
            long longest = q.entries.values().stream().mapToLong(pbx::waitSeconds).max().orElse(0);
            List<AmiFrame.Header> h = new ArrayList<>();
            h.add(new AmiFrame.Header("Event", "QueueSummary"));
            h.add(new AmiFrame.Header("Queue", q.name));
            h.add(new AmiFrame.Header("LoggedIn", Integer.toString(loggedIn)));
            h.add(new AmiFrame.Header("Available", Integer.toString(available)));
            h.add(new AmiFrame.Header("Callers", Integer.toString(q.entries.size())));
            h.add(new AmiFrame.Header("HoldTime", q.params.get("Holdtime")));
            h.add(new AmiFrame.Header("TalkTime", q.params.get("TalkTime")));
            h.add(new AmiFrame.Header("LongestHoldTime", Long.toString(longest)));
            out.add(withActionId(h, id));
            items++;
        }
        out.add(listComplete("QueueSummaryComplete", id, items));
        return new Answer(out, List.of());
    }

    private static Answer queuePause(PbxState pbx, AmiFrame action, String id) {
        String iface = blankToNull(action.get("Interface"));
        String pausedText = blankToNull(action.get("Paused"));
        if (iface == null || pausedText == null) {
            return Answer.reply(response(id, "Error", "Need 'Interface' and 'Paused' parameters."));
        }
        boolean paused = isTrue(pausedText);
        String queueName = blankToNull(action.get("Queue"));
        String reason = action.get("Reason") == null ? "" : action.get("Reason");
        List<AmiFrame> events = new ArrayList<>();
        for (PbxState.Queue q : pbx.queues()) {
            if (queueName != null && !queueName.equals(q.name)) {
                continue;
            }
            Map<String, String> m = q.members.get(iface);
            if (m == null) {
                continue;
            }
            m.put("Paused", paused ? "1" : "0");
            m.put("PausedReason", paused ? reason : "");
            if (paused) {
                m.put("LastPause", Long.toString(pbx.nowMillis() / 1000));
            }
            events.add(AmiFrame.of("Event", "DeviceStateChange", "Privilege", "call,all",
                    "Device", "Queue:" + q.name + "_pause_" + iface, "State", paused ? "INUSE" : "NOT_INUSE"));
            events.add(memberEvent("QueueMemberPause", q.name, m));
        }
        if (events.isEmpty()) {
            return Answer.reply(response(id, "Error", "Interface not found"));
        }
        return new Answer(List.of(response(id, "Success",
                paused ? "Interface paused successfully" : "Interface unpaused successfully")), events);
    }

    private static Answer queueAdd(PbxState pbx, AmiFrame action, String id) {
        String queueName = blankToNull(action.get("Queue"));
        String iface = blankToNull(action.get("Interface"));
        if (queueName == null) {
            return Answer.reply(response(id, "Error", "'Queue' not specified."));
        }
        if (iface == null) {
            return Answer.reply(response(id, "Error", "'Interface' not specified."));
        }
        PbxState.Queue q = pbx.existingQueue(queueName);
        if (q == null) {
            return Answer.reply(response(id, "Error", "Unable to add interface to queue: No such queue"));
        }
        if (q.members.containsKey(iface)) {
            return Answer.reply(response(id, "Error", "Unable to add interface: Already there"));
        }
        boolean paused = isTrue(action.get("Paused"));
        String name = blankToNull(action.get("MemberName"));
        String stateInterface = blankToNull(action.get("StateInterface"));
        String penalty = blankToNull(action.get("Penalty"));
        Map<String, String> m = pbx.addMember(queueName, name == null ? iface : name, iface,
                stateInterface == null ? iface : stateInterface, true, penalty == null ? 0 : Integer.parseInt(penalty),
                paused);
        m.put("LastPause", "0");
        return new Answer(List.of(response(id, "Success", "Added interface to queue")), List.of(
                AmiFrame.of("Event", "DeviceStateChange", "Privilege", "call,all",
                        "Device", "Queue:" + queueName + "_pause_" + iface, "State", paused ? "INUSE" : "NOT_INUSE"),
                memberEvent("QueueMemberAdded", queueName, m)));
    }

    private static Answer queueRemove(PbxState pbx, AmiFrame action, String id) {
        String queueName = blankToNull(action.get("Queue"));
        String iface = blankToNull(action.get("Interface"));
        if (queueName == null || iface == null) {
            return Answer.reply(response(id, "Error", "Need 'Queue' and 'Interface' parameters."));
        }
        PbxState.Queue q = pbx.existingQueue(queueName);
        if (q == null) {
            return Answer.reply(response(id, "Error", "Unable to remove interface from queue: No such queue"));
        }
        Map<String, String> m = q.members.get(iface);
        if (m == null) {
            return Answer.reply(response(id, "Error", "Unable to remove interface: Not there"));
        }
        if (!"dynamic".equals(m.get("Membership"))) {
            return Answer.reply(response(id, "Error", "Member not dynamic"));
        }
        q.members.remove(iface);
        return new Answer(List.of(response(id, "Success", "Removed interface from queue")),
                List.of(memberEvent("QueueMemberRemoved", queueName, m)));
    }

    private static Answer coreShowChannels(PbxState pbx, String id) {
        List<AmiFrame> out = new ArrayList<>();
        out.add(listStart(id, "Channels will follow"));
        int items = 0;
        for (Map.Entry<String, PbxState.Channel> e : pbx.channels()) {
            PbxState.Channel ch = e.getValue();
            List<AmiFrame.Header> h = new ArrayList<>();
            h.add(new AmiFrame.Header("Event", "CoreShowChannel"));
            if (id != null) {
                h.add(new AmiFrame.Header("ActionID", id));
            }
            h.addAll(ch.snapshot);
            h.add(new AmiFrame.Header("Application", ch.application));
            h.add(new AmiFrame.Header("ApplicationData", ch.applicationData));
            long s = (pbx.nowMillis() - ch.createdAtMillis) / 1000;
            h.add(new AmiFrame.Header("Duration", String.format("%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)));
            h.add(new AmiFrame.Header("BridgeId", ""));
            out.add(AmiFrame.of(h));
            items++;
        }
        out.add(listComplete("CoreShowChannelsComplete", id, items));
        return new Answer(out, List.of());
    }

    /** QueueMemberPause / Added / Removed / Status in app_queue's layout. */
    static AmiFrame memberEvent(String event, String queue, Map<String, String> member) {
        List<AmiFrame.Header> h = new ArrayList<>();
        h.add(new AmiFrame.Header("Event", event));
        h.add(new AmiFrame.Header("Privilege", "agent,all"));
        h.add(new AmiFrame.Header("Queue", queue));
        for (String k : PbxState.MEMBER_FIELDS) {
            h.add(new AmiFrame.Header(k, member.get(k)));
        }
        return AmiFrame.of(h);
    }

    private static AmiFrame listStart(String id, String message) {
        AmiFrame f = withId(id, "Response", "Success").plus("EventList", "start");
        return f.plus("Message", message);
    }

    private static AmiFrame listComplete(String event, String id, int items) {
        AmiFrame f = withId(id, "Event", event);
        return f.plus("EventList", "Complete").plus("ListItems", Integer.toString(items));
    }

    private static AmiFrame withActionId(List<AmiFrame.Header> headers, String id) {
        if (id != null) {
            headers.add(new AmiFrame.Header("ActionID", id));
        }
        return AmiFrame.of(headers);
    }

    private static String header(List<AmiFrame.Header> block, String name) {
        for (AmiFrame.Header h : block) {
            if (h.name().equalsIgnoreCase(name)) {
                return h.value();
            }
        }
        return "";
    }

    private static boolean isTrue(String s) {
        return s != null && switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1", "on", "y", "t" -> true;
            default -> false;
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
