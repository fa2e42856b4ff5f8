package sa.civilaffairs.cc.booking;

import sa.civilaffairs.cc.DomainException;

/**
 * The appointment book's store could not be reached or answered in time. The attempt may or may not have taken
 * effect; retrying it with the same idempotency key yields its outcome and never a second booking.
 */
public class BookUnavailableException extends DomainException {
    public BookUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
