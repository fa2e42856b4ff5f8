package sa.civilaffairs.cc.smsc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.jsmpp.PDUException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.InterfaceVersion;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sa.civilaffairs.cc.smpp.codec.UserData;

/**
 * An SMSC for tests and dev mode, speaking SMPP 3.4 over TCP with jSMPP's server side: accepts binds (checking the
 * password), answers submit_sm with message ids and sends delivery receipts, and injects citizens' messages as
 * deliver_sm. It can misbehave on demand: answer THROTTLED, MSGQFUL or a permanent error, never answer, send the
 * receipt before the response, drop every connection. Receipts for a client that is not bound wait until it binds
 * again, as an SMSC's store does.
 */
public final class SmscSimulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SmscSimulator.class);
    /** Submitted segments kept for {@link #submitted()}. */
    private static final int KEEP = 200_000;

    /** How the next submit_sm is answered. */
    public enum Answer { ACCEPT, THROTTLED, MSGQFUL, REJECT, NO_RESPONSE }

    /** How message ids are written: in submit_sm_resp, and in receipts. */
    public enum IdForm {
        /** 16 upper-case hex digits, zero padded: {@code 00000000000F4240}. */
        HEX_PADDED,
        /** Decimal: {@code 1000000}. */
        DECIMAL
    }

    private final int port;
    private final String systemId;
    private final String password;
    private final IdForm responseIds;
    private final IdForm receiptIds;
    private final boolean receiptTlv;
    private final SMPPServerSessionListener listener;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "smsc-sim");
        t.setDaemon(true);
        return t;
    });
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Submitted> submitted = new ConcurrentLinkedQueue<>();
    private final AtomicLong submitCount = new AtomicLong();
    private final ConcurrentLinkedDeque<Answer> scripted = new ConcurrentLinkedDeque<>();
    private final AtomicReference<Answer> standing = new AtomicReference<>(Answer.ACCEPT);
    private final AtomicLong ids = new AtomicLong(1_000_000);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger binds = new AtomicInteger();
    private final AtomicInteger bindAttempts = new AtomicInteger();
    private final BlockingQueue<Receipt> receipts = new LinkedBlockingQueue<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicInteger roundRobin = new AtomicInteger();
    private volatile boolean sendReceipts;
    private volatile boolean receiptBeforeResponse;
    private volatile Duration responseDelay = Duration.ZERO;
    private volatile Duration noResponseHold = Duration.ofSeconds(3);
    private volatile String receiptStat = "DELIVRD";

    private record Receipt(String messageId, String handset, String shortCode, String stat) {
    }

    private SmscSimulator(Builder b) throws IOException {
        this.port = b.port != 0 ? b.port : freePort();
        this.systemId = b.systemId;
        this.password = b.password;
        this.responseIds = b.responseIds;
        this.receiptIds = b.receiptIds;
        this.receiptTlv = b.receiptTlv;
        this.sendReceipts = b.receipts;
        this.listener = new SMPPServerSessionListener(port, new NoDelayServerConnectionFactory(b.tls));
        listener.setPduProcessorDegree(b.processors);
        listener.setQueueCapacity(10_000);
        listener.setMessageReceiverListener(new Receiver());
        workers.execute(this::acceptLoop);
        for (int i = 0; i < b.receiptThreads; i++) {
            workers.execute(this::receiptLoop);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Simulator settings; defaults: any free port, system id {@code civaff}, password {@code secret}. */
    public static final class Builder {
        private int port;
        private String systemId = "civaff";
        private String password = "secret";
        private IdForm responseIds = IdForm.HEX_PADDED;
        private IdForm receiptIds = IdForm.DECIMAL;
        private boolean receiptTlv = true;
        private boolean receipts = true;
        private int processors = 64;
        private int receiptThreads = 4;
        private javax.net.ssl.SSLContext tls;

        /** Listens with TLS, presenting the first key of this PKCS#12 key store. */
        public Builder tls(java.nio.file.Path keyStore, String password) {
            try (java.io.InputStream in = java.nio.file.Files.newInputStream(keyStore)) {
                java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
                ks.load(in, password.toCharArray());
                javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory.getInstance(
                        javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(ks, password.toCharArray());
                tls = javax.net.ssl.SSLContext.getInstance("TLS");
                tls.init(kmf.getKeyManagers(), null, null);
                return this;
            } catch (IOException | java.security.GeneralSecurityException e) {
                throw new IllegalArgumentException("SMSC simulator key store " + keyStore + ": " + e.getMessage(), e);
            }
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder credentials(String systemId, String password) {
            this.systemId = systemId;
            this.password = password;
            return this;
        }

        /** Id forms in submit_sm_resp and in receipts (by default hex in one, decimal in the other). */
        public Builder ids(IdForm inResponse, IdForm inReceipt) {
            this.responseIds = inResponse;
            this.receiptIds = inReceipt;
            return this;
        }

        /** Whether receipts carry receipted_message_id and message_state TLVs, or only the text. */
        public Builder receiptTlv(boolean on) {
            this.receiptTlv = on;
            return this;
        }

        public Builder receipts(boolean on) {
            this.receipts = on;
            return this;
        }

        /** Threads answering PDUs (each held NO_RESPONSE keeps one). */
        public Builder processors(int n) {
            this.processors = n;
            return this;
        }

        public SmscSimulator start() {
            try {
                return new SmscSimulator(this);
            } catch (IOException e) {
                throw new UncheckedIOException("SMSC simulator did not start", e);
            }
        }
    }

    public int port() {
        return port;
    }

    public String systemId() {
        return systemId;
    }

    public String password() {
        return password;
    }

    // ---- behaviour ----

    /** The next {@code times} submit_sm get {@code answer}; then the standing answer again. */
    public void answerNext(Answer answer, int times) {
        for (int i = 0; i < times; i++) {
            scripted.add(answer);
        }
    }

    /** Every submit_sm gets {@code answer} until changed. */
    public void answerAlways(Answer answer) {
        scripted.clear();
        standing.set(answer);
    }

    public void receipts(boolean on) {
        this.sendReceipts = on;
    }

    /** The receipt is sent (and acknowledged) before the submit_sm_resp. */
    public void receiptBeforeResponse(boolean on) {
        this.receiptBeforeResponse = on;
    }

    /** The stat: of the receipts sent from now on (DELIVRD, UNDELIV, EXPIRED...). */
    public void receiptStat(String stat) {
        this.receiptStat = stat;
    }

    /** Each submit_sm_resp waits this long (so the client's window fills). */
    public void responseDelay(Duration d) {
        this.responseDelay = d;
    }

    /** How long a NO_RESPONSE submit_sm is held before its (late) response and its receipt go out. */
    public void noResponseHold(Duration d) {
        this.noResponseHold = d;
    }

    // ---- observation ----

    /** The submit_sm received, oldest first (the latest 200,000). */
    public List<Submitted> submitted() {
        return new ArrayList<>(submitted);
    }

    public long submitCount() {
        return submitCount.get();
    }

    /** Most submit_sm being processed at once (received, not yet answered) since start or the last reset. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    public void resetCounters() {
        maxInFlight.set(0);
        submitted.clear();
        submitCount.set(0);
    }

    /** Successful binds since start. */
    public int binds() {
        return binds.get();
    }

    /** Bind requests received since start, refused ones included. */
    public int bindAttempts() {
        return bindAttempts.get();
    }

    /** Sessions bound now. */
    public int boundSessions() {
        return (int) sessions.stream().filter(s -> s.getSessionState().isBound()).count();
    }

    /** Waits until {@code n} submit_sm were received; false when {@code timeout} passed first. */
    public boolean awaitSubmitted(long n, Duration timeout) {
        return await(() -> submitCount.get() >= n, timeout);
    }

    /** Waits until a client is bound to receive; false when {@code timeout} passed first. */
    public boolean awaitReceiverBound(Duration timeout) {
        return await(() -> receiver() != null, timeout);
    }

    static boolean await(java.util.function.BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(2_000_000);
        }
        return true;
    }

    // ---- links ----

    /** Closes every client connection abruptly, as a network failure would. */
    public void dropLinks() {
        for (SMPPServerSession s : sessions) {
            sessions.remove(s);
            s.close();
        }
    }

    /** Unbinds every client politely (unbind, then close), as an SMSC does before maintenance. */
    public void unbindAll() {
        for (SMPPServerSession s : sessions) {
            sessions.remove(s);
            workers.execute(s::unbindAndClose);
        }
    }

    // ---- inbound (MO) ----

    /**
     * Sends one deliver_sm to a bound receiver; returns the deliver_sm_resp command_status (0 = accepted), or -1 when
     * no response came.
     *
     * @throws IllegalStateException when no client is bound to receive
     */
    public int deliver(MoPdu pdu) {
        SMPPServerSession s = receiver();
        if (s == null) {
            throw new IllegalStateException("no client bound to receive");
        }
        try {
            s.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, pdu.from(),
                    TypeOfNumber.NETWORK_SPECIFIC, NumberingPlanIndicator.UNKNOWN, pdu.to(), new ESMClass(pdu.esmClass()),
                    (byte) 0, (byte) 0, new RegisteredDelivery(0), DataCodings.newInstance(pdu.dataCoding()),
                    pdu.shortMessage(), pdu.tlvs().toArray(new OptionalParameter[0]));
            return 0;
        } catch (NegativeResponseException e) {
            return e.getCommandStatus();
        } catch (ResponseTimeoutException e) {
            return -1;
        } catch (PDUException | org.jsmpp.InvalidResponseException | IOException e) {
            return -1;
        }
    }

    /**
     * Sends {@code pdu} until the client accepts it, as an SMSC retries a message answered with a temporary error or
     * not answered; true when accepted within {@code max}. Permanent errors end the attempts.
     */
    public boolean deliverUntilAccepted(MoPdu pdu, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            if (receiver() == null) {
                LockSupport.parkNanos(20_000_000);
                continue;
            }
            int status;
            try {
                status = deliver(pdu);
            } catch (IllegalStateException e) {
                continue;
            }
            if (status == 0) {
                return true;
            }
            if (status == SMPPConstant.STAT_ESME_RX_P_APPN) {
                return false;
            }
            LockSupport.parkNanos(50_000_000); // the SMSC's retry interval
        }
        return false;
    }

    private SMPPServerSession receiver() {
        List<SMPPServerSession> rx = new ArrayList<>();
        for (SMPPServerSession s : sessions) {
            var st = s.getSessionState();
            if (st.isReceivable() && st.isBound()) {
                rx.add(s);
            }
        }
        if (rx.isEmpty()) {
            return null;
        }
        return rx.get(Math.floorMod(roundRobin.getAndIncrement(), rx.size()));
    }

    // ---- server side ----

    private void acceptLoop() {
        while (closing.getCount() > 0) {
            try {
                SMPPServerSession s = listener.accept();
                workers.execute(() -> bind(s));
            } catch (IOException e) {
                if (closing.getCount() > 0) {
                    log.debug("SMSC simulator accept: {}", e.toString());
                }
            }
        }
    }

    private void bind(SMPPServerSession s) {
        try {
            BindRequest req = s.waitForBind(5000);
            bindAttempts.incrementAndGet();
            if (!systemId.equals(req.getSystemId())) {
                req.reject(SMPPConstant.STAT_ESME_RINVSYSID);
                s.close();
                return;
            }
            if (!password.equals(req.getPassword())) {
                req.reject(SMPPConstant.STAT_ESME_RINVPASWD);
                s.close();
                return;
            }
            req.accept(systemId, InterfaceVersion.IF_34);
            sessions.add(s);
            binds.incrementAndGet();
            s.addSessionStateListener((newState, oldState, source) -> {
                if (!newState.isBound()) {
                    sessions.remove(s);
                }
            });
            log.debug("SMSC simulator: {} bound as {}", systemId, req.getBindType());
        } catch (Exception e) {
            log.debug("SMSC simulator bind: {}", e.toString());
            s.close();
        }
    }

    private final class Receiver implements ServerMessageReceiverListener {
        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm sm, SMPPServerSession source) throws ProcessRequestException {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            try {
                Answer a = scripted.poll();
                if (a == null) {
                    a = standing.get();
                }
                switch (a) {
                    case THROTTLED -> throw new ProcessRequestException("throttled", SMPPConstant.STAT_ESME_RTHROTTLED);
                    case MSGQFUL -> throw new ProcessRequestException("queue full", SMPPConstant.STAT_ESME_RMSGQFUL);
                    case REJECT -> throw new ProcessRequestException("invalid destination",
                            SMPPConstant.STAT_ESME_RINVDSTADR);
                    default -> {
                    }
                }
                long n = ids.incrementAndGet();
                String id = form(n, responseIds);
                record(sm, id);
                if (!responseDelay.isZero()) {
                    LockSupport.parkNanos(responseDelay.toNanos());
                }
                Receipt receipt = new Receipt(form(n, receiptIds), sm.getDestAddress(), sm.getSourceAddr(),
                        receiptStat);
                boolean wantsReceipt = sendReceipts && (sm.getRegisteredDelivery() & 0x03) != 0;
                if (a == Answer.NO_RESPONSE) {
                    try {
                        closing.await(noResponseHold.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    if (wantsReceipt) {
                        receipts.add(receipt);
                    }
                } else if (wantsReceipt && receiptBeforeResponse) {
                    sendReceipt(receipt);
                } else if (wantsReceipt) {
                    receipts.add(receipt);
                }
                return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
            } catch (org.jsmpp.PDUStringException e) {
                throw new ProcessRequestException("message id", SMPPConstant.STAT_ESME_RSYSERR, e);
            } finally {
                inFlight.decrementAndGet();
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti m, SMPPServerSession s) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm q, SMPPServerSession s) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm r, SMPPServerSession s) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelSm(CancelSm c, SMPPServerSession s) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm b, SMPPServerSession s)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm c, SMPPServerSession s)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm q, SMPPServerSession s)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm d, Session s) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }

    private void record(SubmitSm sm, String id) {
        byte[] data = sm.getShortMessage() == null ? new byte[0] : sm.getShortMessage();
        int offset = 0;
        int ref = 0;
        int total = 1;
        int seq = 1;
        if (sm.isUdhi()) {
            offset = UserData.headerLength(data);
            UserData.Concat c = UserData.concat(data);
            if (c != null) {
                ref = c.ref();
                total = c.total();
                seq = c.seq();
            }
        }
        String text = UserData.decode(sm.getDataCoding(), data, offset, data.length - offset);
        submitted.add(new Submitted(id, sm.getDestAddress(), sm.getSourceAddr(), sm.getDataCoding(),
                sm.getEsmClass(), text, ref, total, seq, System.nanoTime()));
        if (submitCount.incrementAndGet() > KEEP) {
            submitted.poll(); // a long dev session keeps the latest only
        }
    }

    private static String form(long n, IdForm f) {
        return f == IdForm.HEX_PADDED ? String.format(Locale.ROOT, "%016X", n) : Long.toString(n);
    }

    private void receiptLoop() {
        while (closing.getCount() > 0) {
            Receipt r;
            try {
                r = receipts.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (r == null) {
                continue;
            }
            if (!sendReceipt(r)) {
                receipts.add(r); // kept until the client binds again, like an SMSC's store
                LockSupport.parkNanos(20_000_000);
            }
        }
    }

    private boolean sendReceipt(Receipt r) {
        SMPPServerSession s = receiver();
        if (s == null) {
            return false;
        }
        Date now = new Date();
        DeliveryReceiptState state = DeliveryReceiptState.valueOf(r.stat());
        DeliveryReceipt text = new DeliveryReceipt(r.messageId(), 1, state == DeliveryReceiptState.DELIVRD ? 1 : 0,
                now, now, state, state == DeliveryReceiptState.DELIVRD ? "000" : "001", "");
        List<OptionalParameter> tlvs = new ArrayList<>();
        if (receiptTlv) {
            tlvs.add(new OptionalParameter.COctetString(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID.code(),
                    r.messageId()));
            // SMPP 3.4 §5.2.28 message_state numbers, not jSMPP's DeliveryReceiptState ordinals
            byte messageState = switch (state) {
                case ENROUTE -> 1;
                case DELIVRD -> 2;
                case EXPIRED -> 3;
                case DELETED -> 4;
                case UNDELIV -> 5;
                case ACCEPTD -> 6;
                case REJECTD -> 8;
                default -> 7;
            };
            tlvs.add(new OptionalParameter.Byte(OptionalParameter.Tag.MESSAGE_STATE, messageState));
        }
        try {
            s.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, r.handset(),
                    TypeOfNumber.NETWORK_SPECIFIC, NumberingPlanIndicator.UNKNOWN, r.shortCode(),
                    new ESMClass(MessageType.SMSC_DEL_RECEIPT.value()), (byte) 0, (byte) 0, new RegisteredDelivery(0),
                    DataCodings.ZERO, text.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                    tlvs.toArray(new OptionalParameter[0]));
            return true;
        } catch (Exception e) {
            log.debug("SMSC simulator receipt for {} not accepted: {}", r.messageId(), e.toString());
            return false;
        }
    }

    /** Pending receipts (not yet acknowledged by the client). */
    public int pendingReceipts() {
        return receipts.size();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        dropLinks();
        try {
            listener.close();
        } catch (IOException e) {
            log.debug("SMSC simulator close: {}", e.toString());
        }
        workers.shutdownNow();
    }

}
