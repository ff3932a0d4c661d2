package org.inclusionmatch.profile.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * PostgreSQL cannot store the NUL character in text or jsonb ("invalid byte sequence for encoding UTF8: 0x00"),
 * and no field of this API has a use for it. So a JSON string or object key with {@code \u0000} is refused where it
 * is read, as a 400 naming the field, instead of failing at the database as a 500.
 */
@Singleton
public class NoNulText implements ObjectMapperCustomizer {

    static final String MESSAGE = "must not contain the NUL character";

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("no-nul-text")
                .addDeserializer(String.class, new Strings())
                .addKeyDeserializer(String.class, new Keys()));
    }

    static boolean hasNul(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }

    static final class Strings extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            if (hasNul(value)) {
                throw InvalidFormatException.from(p, MESSAGE, "(not shown)", String.class);
            }
            return value;
        }
    }

    static final class Keys extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            if (hasNul(key)) {
                throw InvalidFormatException.from(ctxt.getParser(), MESSAGE, "(not shown)", String.class);
            }
            return key;
        }
    }
}
