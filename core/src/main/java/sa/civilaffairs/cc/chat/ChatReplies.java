package sa.civilaffairs.cc.chat;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.notify.MessageTemplates;
import sa.civilaffairs.cc.outbox.Lane;
import sa.civilaffairs.cc.outbox.OutboundSms;
import sa.civilaffairs.cc.outbox.Outbox;
import sa.civilaffairs.cc.text.Language;

/** An agent's answer in a conversation: recorded in the inbox, then sent to the citizen on the REPLY lane. */
public final class ChatReplies {
    /** {@code الموظف: {text}} / {@code Agent: {text}}: the only template that may run over two SMS parts. */
    public static final String TEMPLATE = "chat.reply";

    private final ChatInbox inbox;
    private final Outbox outbox;
    private final MessageTemplates templates;
    private final Clock clock;

    public ChatReplies(ChatInbox inbox, Outbox outbox, MessageTemplates templates, Clock clock) {
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.templates = Objects.requireNonNull(templates, "templates");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Returns the outbox id of the SMS. */
    public String reply(Mobile number, String agent, String text, Language language) {
        ChatMessage message = new ChatMessage(ChatInbox.conversationOf(number), number, ChatMessage.Direction.OUT,
                text, language, agent, clock.instant());
        inbox.append(message);
        String rendered = templates.render(TEMPLATE, language, java.util.Map.of("text", text.strip()));
        return outbox.enqueue(new OutboundSms(UUID.randomUUID().toString(), number, Lane.REPLY, language, TEMPLATE,
                rendered, "", clock.instant()));
    }
}
