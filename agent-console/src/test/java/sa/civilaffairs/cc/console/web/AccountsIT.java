package sa.civilaffairs.cc.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import sa.civilaffairs.cc.console.support.ConsoleClient;
import sa.civilaffairs.cc.console.support.RunningConsole;

class AccountsIT extends RunningConsole {
    @Test
    void anAdminAddsAnAccountThatCanSignInWithItsRole() {
        ConsoleClient admin = console.signedIn("admin1");
        JsonObject created = admin.post("/api/users", newUser("agent7", "supervisor")).expect(201).json();
        assertEquals("agent7", created.getString("username"));
        JsonObject me = console.client().signIn("agent7", "a-long-enough-password").expect(200).json();
        assertEquals("supervisor", me.getString("role"));

        String list = admin.get("/api/users").expect(200).body();
        assertTrue(list.contains("\"agent7\""));
        assertTrue(list.contains("\"createdBy\":\"admin1\""));
        assertFalse(list.contains("argon2"), "hashes never leave the server");
        assertTrue(redis.client().hget("console:users", "agent7").contains("$argon2id$"), "stored as Argon2id");
        assertFalse(redis.client().hget("console:users", "agent7").contains("a-long-enough-password"));
    }

    @Test
    void aTakenUsernameIsRefusedOnItsField() {
        ConsoleClient admin = console.signedIn("admin1").language("en");
        JsonObject e = admin.post("/api/users", newUser("agent1", "agent")).expectError(409, "USER_EXISTS");
        assertEquals("This username is taken.", e.getJsonObject("fields").getString("username"));
        console.client().signIn("agent1", "agent1-demo-pass").expect(200);
    }

    @Test
    void badInputGetsAMessageForEveryField() {
        ConsoleClient admin = console.signedIn("admin1").language("en");
        JsonObject empty = admin.post("/api/users", new JsonObject()).expectError(400, "INVALID_INPUT")
                .getJsonObject("fields");
        for (String field : new String[] {"username", "displayName", "role", "password"}) {
            assertEquals("Required.", empty.getString(field), field);
        }
        JsonObject wrong = admin.post("/api/users", new JsonObject().put("username", "7-Up").put("displayName",
                "x".repeat(81)).put("role", "root").put("password", "short")).expectError(400, "INVALID_INPUT")
                .getJsonObject("fields");
        assertTrue(wrong.getString("username").startsWith("3 to 32"));
        assertEquals("1 to 80 characters.", wrong.getString("displayName"));
        assertEquals("Choose agent, supervisor or admin.", wrong.getString("role"));
        assertEquals("Between 12 and 128 characters.", wrong.getString("password"));
        JsonObject same = admin.post("/api/users", new JsonObject().put("username", "agentsmith12")
                .put("displayName", "Smith").put("role", "agent").put("password", "agentsmith12"))
                .expectError(400, "INVALID_INPUT").getJsonObject("fields");
        assertEquals("The password must not be the username.", same.getString("password"));
        JsonObject ar = console.signedIn("admin1").post("/api/users", new JsonObject().put("role", "root"))
                .expectError(400, "INVALID_INPUT");
        assertEquals("اختر موظف أو مشرف أو مدير نظام.", ar.getJsonObject("fields").getString("role"));
        assertEquals(4, redis.client().hlen("console:users"), "nothing half-saved");
    }

    private static JsonObject newUser(String username, String role) {
        return new JsonObject().put("username", username).put("displayName", "وكيل سبعة").put("role", role)
                .put("password", "a-long-enough-password");
    }
}
