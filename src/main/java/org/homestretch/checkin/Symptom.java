package org.homestretch.checkin;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Warning signs a patient can report, in two tiers (sources in docs/WARNING_SIGNS.md). Stored by
 * name: never rename a constant, only add.
 */
public enum Symptom implements Labelled {
    NUMBNESS_TINGLING("Numbness or tingling", Tier.URGENT),
    PAIN_DOWN_LEG("Pain going down a leg", Tier.URGENT),
    SHARP_PAIN("Sharp pain", Tier.URGENT),
    NEW_WEAKNESS("New weakness in a leg or foot", Tier.URGENT),
    BLADDER_BOWEL("You cannot control your pee or poo, or it is hard to pee", Tier.EMERGENCY),
    SADDLE_NUMBNESS("Numb skin around your private parts, bottom or inner thighs", Tier.EMERGENCY),
    LEG_WEAKNESS_WORSE("Your legs are weak and getting weaker", Tier.EMERGENCY),
    FEVER_OR_INJURY("Back pain with a fever, or after a fall or injury", Tier.EMERGENCY);

    /** Emergency: call the emergency number now. Urgent: stop the exercises and call the clinic. */
    public enum Tier {
        EMERGENCY, URGENT
    }

    private final String label;
    private final Tier tier;

    Symptom(String label, Tier tier) {
        this.label = label;
        this.tier = tier;
    }

    @Override
    public String label() {
        return label;
    }

    public Tier tier() {
        return tier;
    }

    /** The signs of one tier, in the order they are asked. */
    public static List<Symptom> of(Tier tier) {
        return Arrays.stream(values()).filter(s -> s.tier == tier).toList();
    }

    /** The most serious tier among these signs; null when there are none. */
    public static Tier highest(Collection<Symptom> symptoms) {
        if (symptoms.stream().anyMatch(s -> s.tier == Tier.EMERGENCY)) {
            return Tier.EMERGENCY;
        }
        return symptoms.isEmpty() ? null : Tier.URGENT;
    }
}
