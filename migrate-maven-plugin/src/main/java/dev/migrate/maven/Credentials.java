package dev.migrate.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * The database user and password, either as configured or from a {@code <server>} of Maven's
 * {@code settings.xml}, with an encrypted password decrypted the way Maven does it.
 */
record Credentials(String user, String password) {

    static Credentials resolve(String serverId, String user, String password, Settings settings,
            SettingsDecrypter decrypter) throws MojoFailureException, MojoExecutionException {
        if (serverId == null || serverId.isBlank()) {
            return new Credentials(user, password);
        }
        if (user != null && !user.isBlank() || password != null && !password.isEmpty()) {
            throw new MojoFailureException("both migrate.serverId and an explicit user or password are set; use one:"
                    + " either the <server> '" + serverId + "' of settings.xml, or migrate.user/migrate.password");
        }
        Server server = settings == null ? null : settings.getServer(serverId.strip());
        if (server == null) {
            throw new MojoFailureException("settings.xml has no <server> with id '" + serverId.strip()
                    + "'; add one with <username> and <password>, or correct migrate.serverId");
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                // the problem's own message can quote the encrypted value; say only what to check
                throw new MojoExecutionException("cannot decrypt the password of <server> '" + serverId.strip()
                        + "' in settings.xml; check settings-security.xml and the encrypted password");
            }
        }
        Server decrypted = result.getServer();
        return new Credentials(decrypted.getUsername(), decrypted.getPassword());
    }

    @Override
    public String toString() {
        return "Credentials[user=" + user + ", password=" + (password == null ? "none" : "****") + "]";
    }
}
