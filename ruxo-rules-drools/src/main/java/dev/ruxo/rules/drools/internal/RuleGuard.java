package dev.ruxo.rules.drools.internal;

import dev.ruxo.rules.RuleMessage;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Guard rails for DRL: refuses rules that would end a check early or empty its result while it still reads as complete
 * (halting the engine, deleting facts, touching the findings other than to add), and rules that reach out of the rule
 * engine (System, Runtime, processes, threads, class loaders, reflection, files, sockets). A rules folder is code, run
 * with the application's trust; this is no sandbox, only a net for careless authors. Comments and string literals are
 * not searched, so a finding's text may say "System".
 */
final class RuleGuard {

    private record Refusal(Pattern pattern, String why) {
    }

    private static final List<Refusal> REFUSALS = List.of(
            new Refusal(Pattern.compile("\\bhalt\\s*\\("),
                    "halts the engine: the check would stop early and still read as complete"),
            new Refusal(Pattern.compile("\\b(?:delete|retract)\\s*\\("),
                    "deletes a fact: the rules after it would not see it, and their findings would be missing"),
            new Refusal(Pattern.compile("\\b(?:getKieRuntime|getKnowledgeRuntime|getWorkingMemory|getKieBase|getEntryPoint"
                    + "|getAgenda|getChannels)\\b"),
                    "reaches into the engine's session: the check could be stopped or emptied"),
            new Refusal(Pattern.compile("\\bfindings\\s*\\.\\s*(?!add\\b)\\w+"),
                    "uses the findings other than to add one: the findings of other rules could be lost"),
            new Refusal(Pattern.compile("\\b(?:System|Runtime|ProcessBuilder|ProcessHandle|Process|Thread|ThreadGroup"
                    + "|ThreadLocal|ClassLoader|Executors|ExecutorService|ForkJoinPool|CompletableFuture|Timer"
                    + "|SecurityManager|Unsafe)\\b"),
                    "reaches the Java runtime (exit, processes, threads or class loading)"),
            new Refusal(Pattern.compile("\\b(?:forName|getClassLoader|getDeclaredMethod|getDeclaredField|getMethod"
                    + "|setAccessible|newInstance)\\b"),
                    "uses reflection"),
            new Refusal(Pattern.compile("\\bjava\\s*\\.\\s*(?:io|nio|net|lang\\s*\\.\\s*reflect|lang\\s*\\.\\s*invoke"
                    + "|util\\s*\\.\\s*concurrent)\\b|\\b(?:sun|jdk|javax)\\s*\\.\\s*\\w"),
                    "reaches files, sockets, reflection, concurrency or internal Java packages"),
            new Refusal(Pattern.compile("\\b(?:File|Files|Path|Paths|FileInputStream|FileOutputStream|FileReader"
                    + "|FileWriter|RandomAccessFile|Socket|ServerSocket|DatagramSocket|URL|URLConnection"
                    + "|HttpClient)\\b"),
                    "reaches files or the network"));

    private RuleGuard() {
    }

    /**
     * Adds an error for every refused construct in {@code text}.
     *
     * @param resource the file
     * @param text     its DRL
     * @param errors   where to add
     */
    static void check(String resource, String text, List<RuleMessage> errors) {
        String code = codeOnly(text);
        for (Refusal r : REFUSALS) {
            Matcher m = r.pattern().matcher(code);
            while (m.find()) {
                int lineStart = code.lastIndexOf('\n', m.start() - 1) + 1;
                int line = KnowledgeBaseLoader.lineOf(code, m.start());
                errors.add(new RuleMessage(resource, line, m.start() - lineStart + 1,
                        "\"" + m.group().replaceAll("\\s+", "") + "\" " + r.why() + "; such rules are refused unless "
                                + "unsafe rules are allowed (option --allow-unsafe-rules, or "
                                + "DroolsCheckEngine.Builder.allowUnsafeRules)"));
            }
        }
    }

    /** The text with comments and string and character literals blanked out, line breaks kept. */
    static String codeOnly(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            char next = i + 1 < n ? text.charAt(i + 1) : 0;
            if (c == '/' && next == '/') {
                while (i < n && text.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (c == '/' && next == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                blank(text, i, end, out);
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && text.charAt(j) != c && text.charAt(j) != '\n') {
                    j += text.charAt(j) == '\\' ? 2 : 1;
                }
                int end = Math.min(n, j + 1);
                blank(text, i, end, out);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static void blank(String text, int from, int to, StringBuilder out) {
        for (int k = from; k < to; k++) {
            out.append(text.charAt(k) == '\n' ? '\n' : ' ');
        }
    }
}
