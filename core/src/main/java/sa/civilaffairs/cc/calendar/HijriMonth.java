package sa.civilaffairs.cc.calendar;

import sa.civilaffairs.cc.text.Language;

/** The twelve months of the Hijri year, with the names used in Saudi official dates (Umm al-Qura calendar). */
public enum HijriMonth {
    MUHARRAM("محرم", "Muharram"),
    SAFAR("صفر", "Safar"),
    RABI_AL_AWWAL("ربيع الأول", "Rabi al-Awwal"),
    RABI_AL_AKHIR("ربيع الآخر", "Rabi al-Akhir"),
    JUMADA_AL_ULA("جمادى الأولى", "Jumada al-Ula"),
    JUMADA_AL_AKHIRAH("جمادى الآخرة", "Jumada al-Akhirah"),
    RAJAB("رجب", "Rajab"),
    SHABAN("شعبان", "Shaban"),
    RAMADAN("رمضان", "Ramadan"),
    SHAWWAL("شوال", "Shawwal"),
    DHU_AL_QADAH("ذو القعدة", "Dhu al-Qadah"),
    DHU_AL_HIJJAH("ذو الحجة", "Dhu al-Hijjah");

    private final String arabic;
    private final String english;

    HijriMonth(String arabic, String english) {
        this.arabic = arabic;
        this.english = english;
    }

    /** The month numbered {@code month}, 1 (Muharram) to 12 (Dhu al-Hijjah). */
    public static HijriMonth of(int month) {
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("hijri month: " + month + " (expected: 1-12)");
        }
        return values()[month - 1];
    }

    /** 1 (Muharram) to 12 (Dhu al-Hijjah). */
    public int number() {
        return ordinal() + 1;
    }

    public String displayName(Language language) {
        return language == Language.EN ? english : arabic;
    }
}
