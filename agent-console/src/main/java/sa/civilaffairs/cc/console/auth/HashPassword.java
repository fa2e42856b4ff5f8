package sa.civilaffairs.cc.console.auth;

import java.io.Console;

/**
 * Prints the Argon2id hash of a password read from the terminal, for {@code passwordHash} in
 * {@code config/console-users.yaml}: {@code java -cp <console classpath> sa.civilaffairs.cc.console.auth.HashPassword}.
 */
public final class HashPassword {
    private HashPassword() {
    }

    public static void main(String[] args) {
        Console console = System.console();
        if (console == null) {
            System.err.println("HashPassword needs a terminal (the password is not echoed)");
            System.exit(2);
        }
        char[] password = console.readPassword("password: ");
        if (password == null || password.length < PasswordHasher.MIN_LENGTH) {
            System.err.println("password: too short (expected: at least " + PasswordHasher.MIN_LENGTH + " characters)");
            System.exit(2);
        }
        System.out.println(new PasswordHasher().hash(new String(password)));
        java.util.Arrays.fill(password, '\0');
    }
}
