package sa.civilaffairs.cc.console.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import sa.civilaffairs.cc.identity.NationalId;

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

    public static void stub(WireMockServer registry) {
        person(registry, ELDER, "عبدالله الحربي", "Abdullah Al-Harbi", "1936-03-01", "M", ELDER_MOBILE, "CITIZEN", false);
        person(registry, RESIDENT, "ماريا سانتوس", "Maria Santos", "1990-07-15", "F", RESIDENT_MOBILE, "RESIDENT",
                false);
        person(registry, NO_MOBILE, "خالد الدوسري", "Khalid Al-Dosari", "1970-01-20", "M", "", "CITIZEN", true);
        registry.stubFor(get(urlEqualTo("/v1/persons/" + UNKNOWN)).willReturn(aResponse().withStatus(404)));
        registry.stubFor(get(urlEqualTo("/v1/persons/" + BROKEN)).willReturn(aResponse().withStatus(500)));
    }

    public static void person(WireMockServer registry, String id, String nameAr, String nameEn, String birthDate,
                              String gender, String mobile, String kind, boolean disability) {
        registry.stubFor(get(urlEqualTo("/v1/persons/" + id)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"nationalId\":\"" + id + "\",\"nameAr\":\"" + nameAr + "\",\"nameEn\":\"" + nameEn
                        + "\",\"birthDate\":\"" + birthDate + "\",\"gender\":\"" + gender + "\",\"mobile\":\""
                        + mobile + "\",\"status\":\"ALIVE\",\"kind\":\"" + kind + "\",\"disability\":" + disability
                        + "}")));
    }
}
