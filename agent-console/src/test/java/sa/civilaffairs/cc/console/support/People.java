package sa.civilaffairs.cc.console.support;

import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.testkit.RegistryDouble;

/** Made-up people on the WireMock registry; IDs built from nine digits plus their Luhn check digit. */
public final class People {
    private People() {
    }

    /** An elderly citizen (eligible for Taqdeer) with a mobile. */
    public static final String ELDER = id("100000000");
    public static final String ELDER_MOBILE = "966500000001";
    /** A resident, not eligible, with a mobile. */
    public static final String RESIDENT = id("200000001");
    public static final String RESIDENT_MOBILE = "966500000002";
    /** A citizen with no mobile on record. */
    public static final String NO_MOBILE = id("100000002");
    /** Not in the registry. */
    public static final String UNKNOWN = id("100000003");
    /** Looking this one up makes the registry fail (500). */
    public static final String BROKEN = id("100000004");

    public static String id(String nine) {
        return nine + NationalId.luhnCheckDigit(nine);
    }

    /** 92 years old, no disability, for Taqdeer. */
    public static final String ELDER_TWO = id("100000005");
    public static final String ELDER_TWO_MOBILE = "966500000005";
    /** Deceased. */
    public static final String DECEASED = id("100000006");
    /** 40 years old, no disability: a Taqdeer request is only for review (PATIENT) or refused (85+ claimed). */
    public static final String ADULT = id("100000007");
    public static final String ADULT_MOBILE = "966500000007";

    public static void stub(RegistryDouble registry) {
        person(registry, ELDER, "عبدالله الحربي", "Abdullah Al-Harbi", "1936-03-01", "M", ELDER_MOBILE, "CITIZEN", false);
        person(registry, RESIDENT, "ماريا سانتوس", "Maria Santos", "1990-07-15", "F", RESIDENT_MOBILE, "RESIDENT",
                false);
        person(registry, NO_MOBILE, "خالد الدوسري", "Khalid Al-Dosari", "1970-01-20", "M", "", "CITIZEN", true);
        person(registry, ELDER_TWO, "نورة العتيبي", "Noura Al-Otaibi", "1934-05-05", "F", ELDER_TWO_MOBILE, "CITIZEN",
                false);
        registry.stubPerson("{\"nationalId\":\"" + DECEASED + "\",\"nameAr\":\"سالم\",\"nameEn\":\"Salem\","
                + "\"birthDate\":\"1930-01-01\",\"gender\":\"M\",\"mobile\":\"\",\"status\":\"DECEASED\","
                + "\"kind\":\"CITIZEN\",\"disability\":false}");
        person(registry, ADULT, "فهد القحطاني", "Fahad Al-Qahtani", "1986-02-02", "M", ADULT_MOBILE, "CITIZEN", false);
        registry.stubUnknown(new NationalId(UNKNOWN));
        registry.stubStatus(new NationalId(BROKEN), 500, "");
    }

    public static void person(RegistryDouble registry, String id, String nameAr, String nameEn, String birthDate,
                              String gender, String mobile, String kind, boolean disability) {
        registry.stubPerson("{\"nationalId\":\"" + id + "\",\"nameAr\":\"" + nameAr + "\",\"nameEn\":\"" + nameEn
                        + "\",\"birthDate\":\"" + birthDate + "\",\"gender\":\"" + gender + "\",\"mobile\":\""
                        + mobile + "\",\"status\":\"ALIVE\",\"kind\":\"" + kind + "\",\"disability\":" + disability
                        + "}");
    }
}
