package be.uliege.library.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Each table belongs to one module (issue 14): a module's SQL names only its own tables, and reaches
 * another module's data through that module's API, where the module check can see the dependency.
 * Reads the SQL in every main source file's string literals and text blocks.
 */
class TableOwnershipTest {

    /** Every table of the migrations and the module that owns it. */
    static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("patron", "patron"),
            Map.entry("additional_identifier", "patron"),
            Map.entry("contact_item", "patron"),
            Map.entry("identifier_sequence", "patron"),
            Map.entry("identity_check", "patron"),
            Map.entry("patron_history", "patron"),
            Map.entry("patron_name_token", "patron"),
            Map.entry("patron_note", "patron"),
            Map.entry("retired_identifier", "patron"),
            Map.entry("card", "card"),
            Map.entry("card_activation_alert", "card"),
            Map.entry("card_activation_backoff", "card"),
            Map.entry("patron_photo", "card"),
            Map.entry("fee", "fee"),
            Map.entry("registration", "desk"),
            Map.entry("renewal_reminder", "desk"),
            Map.entry("directory_account", "directory"),
            Map.entry("pre_registration", "preregistration"),
            Map.entry("pre_registration_spent_link", "preregistration"),
            Map.entry("pre_registration_token", "preregistration"),
            Map.entry("shared_limit", "base"),
            Map.entry("spent_token", "base"),
            Map.entry("sign_in_failure", "security"),
            Map.entry("load_run", "load"),
            Map.entry("load_report_line", "load"),
            Map.entry("load_deferred_row", "load"),
            Map.entry("load_pending_row", "load"),
            Map.entry("retention_hold", "retention"),
            Map.entry("export_run", "export"),
            Map.entry("export_file", "export"),
            Map.entry("export_deletion", "export"),
            Map.entry("purge_run", "retention"),
            Map.entry("purge_run_line", "retention"),
            // The frameworks' own tables: Spring Modulith's event registry, ShedLock's locks, Spring
            // Batch's job repository (the nightly load's runs, restart state).
            Map.entry("batch_job_instance", "*"),
            Map.entry("batch_job_execution", "*"),
            Map.entry("batch_job_execution_params", "*"),
            Map.entry("batch_job_execution_context", "*"),
            Map.entry("batch_step_execution", "*"),
            Map.entry("batch_step_execution_context", "*"),
            Map.entry("event_publication", "*"),
            Map.entry("shedlock", "*"));

    /**
     * Crossings allowed for a reason written here. None: the last ones (the desk queue's joins)
     * went with issue 14. A listed crossing that is gone fails too, so the list never lies.
     */
    static final Set<String> KNOWN = Set.of();

    private static final Path MAIN = Path.of("src/main/java/be/uliege/library/registration");
    private static final Pattern LITERALS =
            Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:\\\\.|[^\"\\\\])*)\"", Pattern.DOTALL);
    private static final Pattern TABLES =
            Pattern.compile("\\b(?:from|join|into|update|table|exists)\\s+`?(\\w+)", Pattern.CASE_INSENSITIVE);

    @Test
    @DisplayName("Every table of the migrations has an owning module")
    void everyTableHasAnOwner() throws IOException {
        var created = new TreeSet<String>();
        var create = Pattern.compile("create table (?:if not exists )?`?(\\w+)", Pattern.CASE_INSENSITIVE);
        try (Stream<Path> migrations = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (var migration : migrations.toList()) {
                var matcher = create.matcher(Files.readString(migration));
                while (matcher.find()) {
                    created.add(matcher.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        assertThat(created).isNotEmpty();
        assertThat(OWNERS.keySet()).containsAll(created);
    }

    @Test
    @DisplayName("A module's SQL names no other module's table")
    void noModuleNamesAnotherModulesTable() throws IOException {
        var crossings = crossings();
        assertThat(crossings)
                .as("new crossings: go through the owning module's API")
                .isSubsetOf(KNOWN);
        assertThat(KNOWN).as("crossings that are gone: remove them from KNOWN").isSubsetOf(crossings);
    }

    @Test
    @DisplayName("The check sees a crossing in a text block and in a plain string")
    void theCheckSeesCrossings() {
        assertThat(tables("select 1 from card c join patron p on p.id = c.patron_id"))
                .contains("card", "patron");
        assertThat(tables("update `fee` set x = 1")).containsExactly("fee");
        assertThat(tables("the patron came from far away")).containsExactly("far");
    }

    static Set<String> crossings() throws IOException {
        var found = new TreeSet<String>();
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(MAIN)) {
            sources = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        for (var source : sources) {
            var relative = MAIN.relativize(source);
            if (relative.getNameCount() < 2) {
                continue;
            }
            var module = relative.getName(0).toString();
            var code = Files.readString(source);
            var literals = LITERALS.matcher(code);
            var sql = new ArrayList<String>();
            while (literals.find()) {
                sql.add(literals.group(1) != null ? literals.group(1) : literals.group(2));
            }
            for (var table : tables(String.join(" ", sql))) {
                var owner = OWNERS.get(table);
                if (owner != null && !owner.equals("*") && !owner.equals(module)) {
                    found.add(module + "/" + relative.getFileName() + " -> " + table);
                }
            }
        }
        return found;
    }

    static Set<String> tables(String sql) {
        var matcher = TABLES.matcher(sql);
        var tables = new TreeSet<String>();
        while (matcher.find()) {
            tables.add(matcher.group(1).toLowerCase(Locale.ROOT));
        }
        return tables.stream().collect(Collectors.toCollection(TreeSet::new));
    }
}
