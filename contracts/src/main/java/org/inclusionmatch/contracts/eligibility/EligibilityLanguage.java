package org.inclusionmatch.contracts.eligibility;

import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
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
import dev.cel.runtime.CelEvaluationListener;
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

    // Compile-time limits: rules are short predicates, not programs. A rule over one is refused when written,
    // with a message naming the limit. Realistic rules (the demo catalogue's) stay far below each of them.

    /** Longest rule accepted, in characters. */
    public static final int MAX_RULE_LENGTH = 2_000;
    /** Deepest expression tree accepted (after macro expansion; {@code person.age >= 18} is 3 deep). */
    public static final int MAX_NESTING_DEPTH = 32;
    /** Most comprehensions ({@code all}, {@code exists}, {@code exists_one}, {@code map}, {@code filter}) in a rule. */
    public static final int MAX_COMPREHENSIONS = 8;
    /** Most comprehensions running inside one another's bodies. */
    public static final int MAX_COMPREHENSION_NESTING = 2;
    /** Largest estimated number of comprehension iterations per evaluation (see {@link RuleCost}). */
    public static final long MAX_ESTIMATED_ITERATIONS = 500;

    // Run-time limits, for what the estimate cannot see: an evaluation over one of them admits nobody.

    /** Most comprehension iterations in one evaluation. */
    public static final int MAX_ITERATIONS = 5_000;
    /** Largest list or map (entries) or string (characters) an evaluation may build. */
    public static final int MAX_VALUE_SIZE = 5_000;

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

    // CEL's own iteration limit is a backstop only (an error it raises can be absorbed by || and &&); the
    // authoritative count is RuleBudget's. The planner runtime insists on heterogeneous numeric comparisons.
    private static final CelRuntime RUNTIME = CelRuntimeFactory.plannerRuntimeBuilder()
            .setOptions(CelOptions.current()
                    .enableHeterogeneousNumericComparisons(true)
                    .comprehensionMaxIterations(2 * MAX_ITERATIONS)
                    .build())
            .setTypeProvider(TYPES)
            .build();

    private EligibilityLanguage() {
    }

    /**
     * Compiles a rule, or throws {@link InvalidRuleException} with the compiler's message (with line and
     * column) when it does not parse, reads an unknown field, mixes types or is not a boolean, and
     * {@link RuleLimitException} naming the limit when it is over one of the compile-time limits.
     */
    public static EligibilityRule compile(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new InvalidRuleException("An eligibility rule must not be blank; leave it out to admit everyone.");
        }
        if (expression.length() > MAX_RULE_LENGTH) {
            throw new RuleLimitException("length", "Over the length limit: an eligibility rule may be at most "
                    + MAX_RULE_LENGTH + " characters long, this one has " + expression.length() + ".");
        }
        CelValidationResult result = COMPILER.compile(expression);
        if (result.hasError()) {
            throw new InvalidRuleException(result.getErrorString());
        }
        CelAbstractSyntaxTree ast;
        try {
            ast = result.getAst();
        } catch (CelValidationException e) {
            throw new InvalidRuleException(e.getMessage());
        }
        RuleCost cost = RuleCost.of(ast.getExpr());
        checkLimits(cost);
        try {
            return new EligibilityRule(expression, RUNTIME.createProgram(ast),
                    cost.loopStepIds().stream().mapToLong(Long::longValue).toArray());
        } catch (Exception e) {
            throw new InvalidRuleException("The rule compiled but cannot be planned: " + e.getMessage());
        }
    }

    private static void checkLimits(RuleCost cost) {
        if (cost.depth() > MAX_NESTING_DEPTH) {
            throw new RuleLimitException("nesting depth", "Over the nesting depth limit: the rule's expression is "
                    + cost.depth() + " levels deep, at most " + MAX_NESTING_DEPTH + " are allowed.");
        }
        if (cost.comprehensionNesting() > MAX_COMPREHENSION_NESTING) {
            throw new RuleLimitException("comprehension nesting", "Over the comprehension nesting limit: the rule "
                    + "nests comprehensions (all, exists, exists_one, map, filter) " + cost.comprehensionNesting()
                    + " deep, at most " + MAX_COMPREHENSION_NESTING + " are allowed.");
        }
        if (cost.comprehensions() > MAX_COMPREHENSIONS) {
            throw new RuleLimitException("comprehensions", "Over the comprehensions limit: the rule has "
                    + cost.comprehensions() + " comprehensions (all, exists, exists_one, map, filter), at most "
                    + MAX_COMPREHENSIONS + " are allowed.");
        }
        if (cost.estimatedIterations() > MAX_ESTIMATED_ITERATIONS) {
            throw new RuleLimitException("estimated cost", "Over the estimated cost limit: the rule's comprehensions "
                    + "may run about " + (cost.estimatedIterations() == Long.MAX_VALUE ? "unboundedly many"
                    : String.valueOf(cost.estimatedIterations())) + " iterations per person, at most "
                    + MAX_ESTIMATED_ITERATIONS + " are allowed.");
        }
    }

    static Object evaluate(CelRuntime.Program program, Map<String, Object> person, CelEvaluationListener budget)
            throws CelEvaluationException {
        return program.trace(Map.of("person", person), budget);
    }
}
