package org.inclusionmatch.profile.audit;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.IOException;

/**
 * Keeps the persons a request body names ({@link NamesPersons}) on the request, as it is read, for {@link AuditFilter}:
 * a resource or service that refuses the call never has to remember to say whom it concerned. Any other body is
 * passed on untouched.
 */
@Provider
public class AuditedRequestBodies implements ReaderInterceptor {

    /** The request property holding the persons the body named (a {@code List<UUID>}). */
    static final String PERSONS_NAMED = AuditedRequestBodies.class.getName() + ".personsNamed";

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object body = context.proceed();
        if (body instanceof NamesPersons named) {
            context.setProperty(PERSONS_NAMED, named.personsNamed());
        }
        return body;
    }
}
