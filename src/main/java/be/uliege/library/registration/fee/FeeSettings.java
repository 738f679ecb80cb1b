package be.uliege.library.registration.fee;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The fee types and amounts (R-FEE-1, R-FEE-2), configuration with ULiège's values as defaults.
 *
 * @param types              every fee type by its code: the label the library system knows it by,
 *                           and its amount in euros
 * @param registration       the type charged at a registration for private use (the card)
 * @param professional       the type charged at a registration for professional use (card included)
 * @param replacement        the type charged for a lost or damaged card (R-CARD-4)
 * @param professionalGroups the user groups of professional use
 */
@ConfigurationProperties("registration.fees")
public record FeeSettings(
        Map<String, FeeType> types,
        String registration,
        String professional,
        String replacement,
        List<String> professionalGroups) {

    public FeeSettings {
        types = Map.copyOf(types);
        professionalGroups = List.copyOf(professionalGroups);
        for (var code : List.of(registration, professional, replacement)) {
            if (!types.containsKey(code)) {
                throw new IllegalArgumentException("registration.fees: unknown fee type " + code);
            }
        }
        if (replacement.equals(registration) || replacement.equals(professional)) {
            throw new IllegalArgumentException(
                    "registration.fees.replacement: a type of its own, not a registration's");
        }
    }

    /** A fee type: its label and amount. */
    public record FeeType(String label, BigDecimal amount) {
        public FeeType {
            if (amount.signum() < 0) {
                throw new IllegalArgumentException("A fee cannot be negative: " + label);
            }
        }
    }

    FeeType type(String code) {
        var type = types.get(code);
        if (type == null) {
            throw new IllegalArgumentException("Unknown fee type " + code);
        }
        return type;
    }
}
