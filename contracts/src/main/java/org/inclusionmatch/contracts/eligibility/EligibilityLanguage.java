package org.inclusionmatch.contracts.eligibility;

import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;

import java.util.Map;
import java.util.Optional;

/**
 * The language of eligibility rules: CEL expressions over one variable, {@code person}, whose fields are
 * declared here so that an unknown field, a type mismatch or a non-boolean rule fails at compile time.
 * Profile-service compiles rules when they are written; the matching worker evaluates them.
 */
public final class EligibilityLanguage {

    /** Longest rule accepted: rules are short predicates, not programs. */
    public static final int MAX_RULE_LENGTH = 2_000;

    static final String PERSON_TYPE = "inclusionmatch.Person";

    /** The fields a rule may read, in the order the documentation lists them. */
    public static final Map<String, CelType> PERSON_FIELDS = ImmutableMap.<String, CelType>builder()
            .put("role", SimpleType.STRING)
            .put("archetype", SimpleType.STRING)
            .put("birthYear", SimpleType.INT)
            .put("age", SimpleType.INT)
            .put("gender", SimpleType.STRING)
            .put("region", SimpleType.STRING)
            .put("municipality", SimpleType.STRING)
            .put("targetGroups", ListType.create(SimpleType.STRING))
            .put("needs", ListType.create(SimpleType.STRING))
            .put("goals", ListType.create(SimpleType.STRING))
            .put("languages", ListType.create(SimpleType.STRING))
            .build();

    private static final StructType PERSON = StructType.create(
            PERSON_TYPE, ImmutableSet.copyOf(PERSON_FIELDS.keySet()),
            field -> Optional.ofNullable(PERSON_FIELDS.get(field)));

    private static final CelTypeProvider TYPES = new CelTypeProvider() {
        @Override
        public ImmutableCollection<CelType> types() {
            return ImmutableList.of(PERSON);
        }

        @Override
        public Optional<CelType> findType(String name) {
            return PERSON_TYPE.equals(name) ? Optional.of(PERSON) : Optional.empty();
        }
    };

    private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .setTypeProvider(TYPES)
            .addVar("person", PERSON)
            .setResultType(SimpleType.BOOL)
            .build();

    private static final CelRuntime RUNTIME = CelRuntimeFactory.plannerRuntimeBuilder()
            .setTypeProvider(TYPES)
            .build();

    private EligibilityLanguage() {
    }

    /**
     * Compiles a rule, or throws {@link InvalidRuleException} with the compiler's message (with line and
     * column) when it does not parse, reads an unknown field, mixes types or is not a boolean.
     */
    public static EligibilityRule compile(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new InvalidRuleException("An eligibility rule must not be blank; leave it out to admit everyone.");
        }
        if (expression.length() > MAX_RULE_LENGTH) {
            throw new InvalidRuleException("An eligibility rule may be at most " + MAX_RULE_LENGTH + " characters long.");
        }
        CelValidationResult result = COMPILER.compile(expression);
        if (result.hasError()) {
            throw new InvalidRuleException(result.getErrorString());
        }
        try {
            CelAbstractSyntaxTree ast = result.getAst();
            return new EligibilityRule(expression, RUNTIME.createProgram(ast));
        } catch (Exception e) {
            throw new InvalidRuleException("The rule compiled but cannot be planned: " + e.getMessage());
        }
    }

    static Object evaluate(CelRuntime.Program program, Map<String, Object> person) throws CelEvaluationException {
        return program.eval(Map.of("person", person));
    }
}
