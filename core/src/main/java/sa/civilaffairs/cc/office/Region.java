package sa.civilaffairs.cc.office;

import sa.civilaffairs.cc.text.Language;

/** The 13 administrative regions; Tahseen tickets and Taqdeer backlogs are routed by region. */
public enum Region {
    RIYADH("الرياض", "Riyadh"),
    MAKKAH("مكة المكرمة", "Makkah"),
    MADINAH("المدينة المنورة", "Madinah"),
    QASSIM("القصيم", "Qassim"),
    EASTERN("المنطقة الشرقية", "Eastern Province"),
    ASIR("عسير", "Asir"),
    TABUK("تبوك", "Tabuk"),
    HAIL("حائل", "Hail"),
    NORTHERN_BORDERS("الحدود الشمالية", "Northern Borders"),
    JAZAN("جازان", "Jazan"),
    NAJRAN("نجران", "Najran"),
    AL_BAHA("الباحة", "Al-Baha"),
    AL_JOUF("الجوف", "Al-Jouf");

    private final String nameAr;
    private final String nameEn;

    Region(String nameAr, String nameEn) {
        this.nameAr = nameAr;
        this.nameEn = nameEn;
    }

    public String nameAr() {
        return nameAr;
    }

    public String nameEn() {
        return nameEn;
    }

    public String name(Language language) {
        return language == Language.AR ? nameAr : nameEn;
    }
}
