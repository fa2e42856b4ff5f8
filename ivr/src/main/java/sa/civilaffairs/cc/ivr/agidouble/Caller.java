package sa.civilaffairs.cc.ivr.agidouble;

/**
 * The person on the phone in an {@link AsteriskDouble} call. Asterisk asks it before each command of the IVR what it
 * does meanwhile. Called from the call's thread only.
 */
public interface Caller {

    /** What a command does on the line, as far as a caller can tell. */
    enum Kind {
        /** Plays sound (STREAM FILE, SAY …): keys pressed now interrupt it if they are escape digits, else are lost. */
        PLAYBACK,
        /** Waits for keys (GET DATA, GET OPTION, WAIT FOR DIGIT). */
        READ,
        /** Anything else (ANSWER, SET VARIABLE, …): the caller hears nothing. */
        OTHER
    }

    Move next(Kind kind, AgiCommandLine command);
}
