package sa.civilaffairs.cc.office;

import sa.civilaffairs.cc.text.Language;

/** The civil-registry services that can be booked at an office. */
public enum CivilService {
    FIRST_ID_CARD("إصدار الهوية الوطنية لأول مرة", "First national ID card"),
    ID_RENEWAL("تجديد الهوية الوطنية", "ID card renewal"),
    ID_REPLACEMENT("بدل فاقد أو تالف للهوية", "Lost or damaged ID replacement"),
    FAMILY_RECORD_ISSUE("إصدار سجل الأسرة", "Family record issue"),
    FAMILY_RECORD_UPDATE("تحديث سجل الأسرة", "Family record update"),
    BIRTH_REGISTRATION("تسجيل مولود", "Birth registration"),
    DEATH_REGISTRATION("تسجيل وفاة", "Death registration"),
    MARRIAGE_DIVORCE_REGISTRATION("تسجيل زواج أو طلاق", "Marriage or divorce registration"),
    DATA_CORRECTION("تعديل البيانات", "Data correction");

    private final String nameAr;
    private final String nameEn;

    CivilService(String nameAr, String nameEn) {
        this.nameAr = nameAr;
        this.nameEn = nameEn;
    }

    public String name(Language language) {
        return language == Language.AR ? nameAr : nameEn;
    }
}
