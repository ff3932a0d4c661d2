package org.inclusionmatch.profile.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The docs hold together: every relative link in README.md, CHANGELOG.md and docs/*.md names a file that exists and,
 * with a {@code #fragment} into a Markdown page, a heading that page has (GitHub's anchors), and the README stays
 * short (at most 15,000 characters: what the system is, the two commands, the walkthrough and the map of docs/).
 */
class DocsLinksTest {

    static final Path ROOT = Path.of("..");
    static final int README_MAX_CHARACTERS = 15_000;

    private static final Pattern FENCE = Pattern.compile("(?ms)^ {0,3}(```|~~~).*?^ {0,3}\\1[^\\n]*$");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(?:(?!\\1).)+?\\1", Pattern.DOTALL);
    private static final Pattern INLINE_LINK = Pattern.compile("!?\\[(?:[^\\[\\]]|\\[[^\\]]*])*]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern REFERENCE_LINK = Pattern.compile("(?m)^ {0,3}\\[[^\\]]+]:\\s*<?(\\S+?)>?(?:\\s.*)?$");
    private static final Pattern HEADING = Pattern.compile("(?m)^ {0,3}#{1,6}[ \\t]+(.*?)(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:name|id)=\"([^\"]+)\"");

    @Test
    void theReadmeIsShort() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        assertThat(readme.codePointCount(0, readme.length())).as("README.md characters: move detail into docs/")
                .isLessThanOrEqualTo(README_MAX_CHARACTERS);
    }

    @Test
    void everyRelativeLinkResolves() throws IOException {
        List<Path> pages = pages();
        assertThat(pages).extracting(p -> ROOT.relativize(p).toString().replace('\\', '/'))
                .contains("README.md", "docs/referrals.md", "docs/partners.md");
        List<String> broken = new ArrayList<>();
        Map<Path, Set<String>> anchors = new HashMap<>();
        for (Path page : pages) {
            broken.addAll(brokenLinks(page, Files.readString(page), anchors));
        }
        assertThat(broken).isEmpty();
    }

    /** The check must catch a missing file, a missing heading and a heading in the page itself. */
    @Test
    void theCheckFindsBrokenLinks() throws IOException {
        Path page = ROOT.resolve("docs/partners.md");
        String text = """
                # A page
                ## Who may call what
                See [ok](referrals.md#who-makes-which-move), [self](#who-may-call-what), [out](https://example.org/x),
                [gone](nowhere.md), [no heading](referrals.md#no-such-heading), [no self](#nope) and `[code](skipped.md)`.
                ```
                [fenced](skipped-too.md)
                ```
                [ref]: ../CHANGELOG.md
                """;
        assertThat(brokenLinks(page, text, new HashMap<>())).hasSize(3)
                .anySatisfy(b -> assertThat(b).contains("nowhere.md"))
                .anySatisfy(b -> assertThat(b).contains("#no-such-heading"))
                .anySatisfy(b -> assertThat(b).contains("#nope"));
    }

    @Test
    void anchorsAreGitHubs() {
        assertThat(slug("Open data (HSDS 3.1)")).isEqualTo("open-data-hsds-31");
        assertThat(slug("Upgrade: migrations as a step, expand/contract")).isEqualTo("upgrade-migrations-as-a-step-expandcontract");
        assertThat(slug("Resources (`/api/v1`)")).isEqualTo("resources-apiv1");
        assertThat(slug("Read the recommendations and \"why not\"")).isEqualTo("read-the-recommendations-and-why-not");
        assertThat(slug("What the provider sees: the referral and consent to share"))
                .isEqualTo("what-the-provider-sees-the-referral-and-consent-to-share");
        assertThat(slug("Pierīga [the region](x.md) and *more*")).isEqualTo("pierīga-the-region-and-more");
        assertThat(slug("snake_case stays")).isEqualTo("snake_case-stays");
        assertThat(anchorsOf("# A\n## A\n### A\n")).containsExactly("a", "a-1", "a-2");
    }

    static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("CHANGELOG.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    static List<String> brokenLinks(Path page, String text, Map<Path, Set<String>> anchors) throws IOException {
        String prose = CODE_SPAN.matcher(FENCE.matcher(text).replaceAll("")).replaceAll("");
        List<String> targets = new ArrayList<>();
        for (Pattern link : List.of(INLINE_LINK, REFERENCE_LINK)) {
            Matcher m = link.matcher(prose);
            while (m.find()) {
                targets.add(m.group(1));
            }
        }
        List<String> broken = new ArrayList<>();
        for (String target : targets) {
            if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || target.startsWith("//")) {
                continue; // absolute: https:, mailto:, ...
            }
            int hash = target.indexOf('#');
            String file = hash < 0 ? target : target.substring(0, hash);
            String fragment = hash < 0 ? null : target.substring(hash + 1);
            Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
            String where = ROOT.relativize(page) + ": (" + target + ")";
            if (!Files.exists(resolved)) {
                broken.add(where + " names no file");
                continue;
            }
            if (fragment != null && resolved.toString().endsWith(".md")) {
                Set<String> known = resolved.equals(page) ? anchorsOf(text)
                        : anchors.computeIfAbsent(resolved, p -> anchorsOf(read(p)));
                if (!known.contains(fragment)) {
                    broken.add(where + " names no heading of " + ROOT.relativize(resolved));
                }
            }
        }
        return broken;
    }

    /** The anchors GitHub gives a page: one per heading (repeats numbered -1, -2, ...), and explicit HTML anchors. */
    static Set<String> anchorsOf(String text) {
        String outsideCode = FENCE.matcher(text).replaceAll("");
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        Matcher heading = HEADING.matcher(outsideCode);
        while (heading.find()) {
            String slug = slug(heading.group(1));
            int n = seen.merge(slug, 1, Integer::sum) - 1;
            anchors.add(n == 0 ? slug : slug + "-" + n);
        }
        Matcher html = HTML_ANCHOR.matcher(text);
        while (html.find()) {
            anchors.add(html.group(1));
        }
        return anchors;
    }

    /** GitHub's heading anchor: the text without markup, lower case, only letters, digits, '-', '_' and spaces, spaces as '-'. */
    static String slug(String heading) {
        String text = heading.replaceAll("!?\\[([^\\]]*)]\\([^)]*\\)", "$1")
                .replaceAll("<[^>]+>", "")
                .replace("`", "").replace("*", "");
        return text.strip().toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}\\p{M}_\\- ]", "")
                .replace(' ', '-');
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
