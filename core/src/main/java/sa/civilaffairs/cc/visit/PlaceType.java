package sa.civilaffairs.cc.visit;

/** Where the officer with the mobile kit goes. */
public enum PlaceType {
    HOME, HOSPITAL, CARE_UNIT, ASSOCIATION
}
