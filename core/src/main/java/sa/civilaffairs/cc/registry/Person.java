package sa.civilaffairs.cc.registry;

import java.time.LocalDate;
import java.util.Optional;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;

/**
 * A person as the civil registry holds them. {@code mobile} is empty when the registry has no (valid Saudi) mobile.
 * Personal data: {@link #toString()} masks the ID and the mobile and omits names.
 */
public record Person(NationalId nationalId, String nameAr, String nameEn, LocalDate birthDate, Gender gender,
                     Optional<Mobile> mobile, LifeStatus status, Kind kind, boolean disability) {

    public Person {
        require(nationalId, "nationalId", "a national ID");
        require(birthDate, "birthDate", "a date");
        require(gender, "gender", "M or F");
        require(mobile, "mobile", "a mobile or Optional.empty()");
        require(status, "status", "ALIVE or DECEASED");
        require(kind, "kind", "CITIZEN or RESIDENT");
        nameAr = nameAr == null ? "" : nameAr;
        nameEn = nameEn == null ? "" : nameEn;
    }

    private static void require(Object value, String field, String expected) {
        if (value == null) {
            throw new IllegalArgumentException("person." + field + ": null (expected: " + expected + ")");
        }
    }

    public enum Gender { M, F }

    public enum LifeStatus { ALIVE, DECEASED }

    public enum Kind { CITIZEN, RESIDENT }

    /** Age in whole years on {@code today}. */
    public int ageOn(LocalDate today) {
        return java.time.Period.between(birthDate, today).getYears();
    }

    @Override
    public String toString() {
        return "Person[" + nationalId.masked() + ", " + kind + ", " + status + "]";
    }
}
