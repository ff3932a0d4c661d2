#!/usr/bin/env bash
# The fast tier: tests that need no server (no PostgreSQL, Kafka, JWT issuer or packaged service), for the
# inner loop. deploy/local/test.sh still runs everything and is what counts before a merge. A new test that
# starts nothing belongs in this list.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/deploy/local/jdk.sh"
cd "$ROOT"
FAST=(
  # contracts: eligibility language, rule limits, event schema, the AsyncAPI document
  EligibilityLanguageTest RuleLimitsTest RuleBudgetTest EventEnvelopeSchemaTest AsyncApiDocumentTest
  # profile-service: access rules on every operation, If-Match policy, the problem catalogue, package boundaries,
  # disclosure control and the fairness rates, Accept-Language and a label for every code, the allocation solver
  EveryEndpointHasARuleTest IfMatchPolicyTest ProblemCatalogueTest PackageBoundariesTest CellKeyMethodTest FairnessTest
  AcceptLanguageTest VocabularyLabelsTest AllocationSolverTest RoundPlannerTest
  # issue 23: the demo programme rounds, alone and planned ahead, proven optimal; when a cached catalogue read is served
  DemoRoundsTest org.inclusionmatch.profile.common.cache.CatalogueCacheTest
  # issue 22: every sentence and problem detail in the asked language, rules in plain words, one source of the language
  RuleDescriptionsTest ReasonSentencesTest ProblemDetailsInLatvianTest OneLanguageSourceTest
  # issue 21: the referral guide shows the rule table of moves as the code has it
  ReferralMovesDocTest
  # issue 22: the docs hold together: links and anchors, the README's length, request bodies against the contract,
  # the role x action table as the access rules have it
  DocsLinksTest DocRequestBodiesTest RoleActionTableDocTest
  # issue 22: every operation described with its roles, every request body's example valid against its schema
  RequestBodyExamplesTest
  # issue 26: CSV and XLSX read into the import's records (headers, cells, refusals, a zip bomb); the column table in the guide
  SpreadsheetRecordsTest SpreadsheetColumnsDocTest
  # issue 21: what each consent category releases, every target group classified
  ShareCategoryTest
  # issue 26: the personal code's check digit, the key file and the keyed links a rotation wraps
  PersonalCodeTest IdentityKeysTest
  # issue 15: query values out of spans, the outbox row's traceparent
  TraceRedactionTest OutboxTraceparentTest
  # matching-engine: engine, vignettes, rule cut-off; matching-worker: envelope reading, day-change re-match, and the
  # API client (retry, breaker, 404/409 and abort rules) against WireMock: a Quarkus test, but one that reaches no server
  MatchingEngineTest VignetteTest RuleCutOffTest EnvelopeReaderTest DayChangeRematchTest ProfileServiceClientTest
  # matching-worker: the production identity (OIDC client credentials) against a WireMock provider
  OidcServiceTokenTest
  # issue 13 (matching-engine): constraints, why not, evidence, the evaluation (prints hit@3 and forbidden hits)
  ConstraintsTest WhyNotTest EvidenceTest EvaluationTest PublishedEvidenceTest
)
exec ./mvnw -B test -pl contracts,matching-engine,telemetry,profile-service,matching-worker -am \
  -Dtest="$(IFS=,; echo "${FAST[*]}")" -Dsurefire.failIfNoSpecifiedTests=false "$@"
