package sa.civilaffairs.cc.office;

import sa.civilaffairs.cc.text.Language;

/** An office's men's or women's section; each has its own working plan and capacity. */
public enum Section {
    MEN("قسم الرجال", "Men's section"),
    WOMEN("قسم النساء", "Women's section");

    private final String nameAr;
    private final String nameEn;

    Section(String nameAr, String nameEn) {
        this.nameAr = nameAr;
        this.nameEn = nameEn;
    }

    public String name(Language language) {
        return language == Language.AR ? nameAr : nameEn;
    }
}
