package org.inclusionmatch.profile.common.validation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Predicate;

/**
 * Values JSON and Java accept but PostgreSQL cannot store, refused where the body is read: a 400 naming the field
 * instead of a 500 from the database.
 * <ul>
 * <li>Text with the NUL character: PostgreSQL text and jsonb cannot hold it ("invalid byte sequence for encoding
 * UTF8: 0x00"), and no field of this API has a use for it.</li>
 * <li>Dates and instants outside the years 1 to 9999: Java reads years up to 999999999, PostgreSQL's date ends in
 * 5874897 and its timestamptz in 294276 ("date/time field value out of range"). Four-digit years are also all that
 * ISO 8601 promises without an agreement between the parties.</li>
 * </ul>
 */
@Singleton
public class JsonInputRules implements ObjectMapperCustomizer {

    public static final String NO_NUL = "must not contain the NUL character";
    public static final String DATE_RANGE = "must be a date between 0001-01-01 and 9999-12-31";
    public static final String INSTANT_RANGE = "must be an instant between the years 1 and 9999";
    public static final LocalDate EARLIEST = LocalDate.of(1, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("json-input-rules")
                .setDeserializerModifier(new Checks())
                .addKeyDeserializer(String.class, new Keys()));
    }

    /** Applied after Quarkus' own customizers, which register the java.time module whose readers are wrapped. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    public static boolean hasNul(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }

    public static boolean inRange(LocalDate date) {
        return date == null || (!date.isBefore(EARLIEST) && !date.isAfter(LATEST));
    }

    /** A value of the right JSON type that breaks one of these rules; the message is the rule, never the value. */
    public static final class Refused extends InvalidFormatException {
        Refused(JsonParser parser, String rule, Class<?> type) {
            super(parser, rule, "(not shown)", type);
        }
    }

    /** Wraps the readers Jackson would use anyway (its own, or the java.time module's) with the rules above. */
    static final class Checks extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                      JsonDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            if (type == String.class) {
                return new Checked(deserializer, type, NO_NUL, value -> !hasNul((String) value));
            }
            if (type == LocalDate.class) {
                return new Checked(deserializer, type, DATE_RANGE, value -> inRange((LocalDate) value));
            }
            if (type == Instant.class) {
                return new Checked(deserializer, type, INSTANT_RANGE,
                        value -> inRange(LocalDate.ofInstant((Instant) value, ZoneOffset.UTC)));
            }
            return deserializer;
        }
    }

    static final class Checked extends DelegatingDeserializer {
        private final Class<?> type;
        private final String rule;
        private final Predicate<Object> allowed;

        Checked(JsonDeserializer<?> delegate, Class<?> type, String rule, Predicate<Object> allowed) {
            super(delegate);
            this.type = type;
            this.rule = rule;
            this.allowed = allowed;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Checked(delegate, type, rule, allowed);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Object value = super.deserialize(p, ctxt);
            if (value != null && !allowed.test(value)) {
                throw new Refused(p, rule, type);
            }
            return value;
        }
    }

    static final class Keys extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            if (hasNul(key)) {
                throw new Refused(ctxt.getParser(), NO_NUL, String.class);
            }
            return key;
        }
    }
}
