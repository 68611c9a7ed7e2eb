package dev.migrate.verify;

import dev.migrate.testing.Configs;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.common.FileWriteException;
import dev.migrate.common.InvalidSettingException;
import dev.migrate.Migrator;
import dev.migrate.testing.RecordingListener;
import dev.migrate.testing.RevisionFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad verify settings and an unwritable report folder get errors that name the parameter to fix. */
class VerifySettingsTest {

    @TempDir
    Path dir;

    @Test
    void expectingNoHeadIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> new VerifyOptions(null, 0, false, false, null))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("migrate.verify.heads is 0");
    }

    @Test
    void unwritableReportFolderIsAnEnvironmentErrorNamingTheParameter() throws Exception {
        Path revisions = dir.resolve("revisions");
        RevisionFiles.in(revisions).add("20260101000000_create_t", "base", "CREATE TABLE t (id INT);", "DROP TABLE t;");
        Path notAFolder = Files.writeString(dir.resolve("report"), "a file where the report folder should be");
        Migrator migrator = new Migrator(Configs.config("jdbc:h2:mem:verify_settings", revisions), new RecordingListener());

        assertThatThrownBy(() -> migrator.verify(new VerifyOptions(null, 1, false, false, notAFolder)))
                .isInstanceOf(FileWriteException.class)
                .hasMessageContaining("cannot write the verify report into " + notAFolder)
                .hasMessageContaining("migrate.verify.reportDirectory");
    }
}
