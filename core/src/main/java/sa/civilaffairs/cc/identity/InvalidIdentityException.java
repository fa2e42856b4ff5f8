package sa.civilaffairs.cc.identity;

import sa.civilaffairs.cc.DomainException;

/** A national ID or mobile number that is not well-formed; the message says what was expected, masked. */
public class InvalidIdentityException extends DomainException {
    public InvalidIdentityException(String message) {
        super(message);
    }
}
