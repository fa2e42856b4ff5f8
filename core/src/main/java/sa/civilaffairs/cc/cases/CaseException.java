package sa.civilaffairs.cc.cases;

import sa.civilaffairs.cc.DomainException;

/** Root of the refusals of the case stores (visit requests, tickets, lost reports). */
public class CaseException extends DomainException {
    public CaseException(String message) {
        super(message);
    }
}
