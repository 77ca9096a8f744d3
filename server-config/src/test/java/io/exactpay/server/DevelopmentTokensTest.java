package io.exactpay.server;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DevelopmentTokensTest {

    @TempDir
    Path dataDir;

    @Test
    void theKeyPairIsMadeOnceAndKeptAcrossStarts() throws Exception {
        Settings settings = Settings.load(Map.of("data-dir", dataDir.toString()));
        DevelopmentTokens first = DevelopmentTokens.loadOrCreate(settings);
        String publicKey = Files.readString(DevelopmentTokens.publicKeyFile(dataDir));

        DevelopmentTokens again = DevelopmentTokens.loadOrCreate(settings);

        assertEquals(publicKey, Files.readString(DevelopmentTokens.publicKeyFile(dataDir)));
        assertEquals(first.publicKey(), again.publicKey());
        assertTrue(publicKey.startsWith("-----BEGIN PUBLIC KEY-----"), publicKey);
    }

    @Test
    void tokensCarryWhatMicroProfileJwtReadsAndVerifyWithThePublishedKey() throws Exception {
        Settings settings = Settings.load(Map.of("data-dir", dataDir.toString(), "jwt.issuer", "test-issuer"));
        DevelopmentTokens tokens = DevelopmentTokens.loadOrCreate(settings);

        SignedJWT portal = SignedJWT.parse(tokens.portal("shop-1", Duration.ofMinutes(5)));
        SignedJWT support = SignedJWT.parse(tokens.staff("sam", DevelopmentTokens.SUPPORT, Duration.ofMinutes(5)));

        assertTrue(portal.verify(new RSASSAVerifier((RSAPublicKey) tokens.publicKey())));
        assertEquals("RS256", portal.getHeader().getAlgorithm().getName());
        assertEquals("test-issuer", portal.getJWTClaimsSet().getIssuer());
        assertEquals(List.of("exactpay-api"), portal.getJWTClaimsSet().getAudience());
        assertEquals(List.of("exactpay-api"), support.getJWTClaimsSet().getAudience());
        assertEquals("shop-1", portal.getJWTClaimsSet().getStringClaim(DevelopmentTokens.CLIENT_ID_CLAIM));
        assertEquals(List.of("portal"), portal.getJWTClaimsSet().getStringListClaim("groups"));
        assertEquals(List.of("support"), support.getJWTClaimsSet().getStringListClaim("groups"));
        assertNull(support.getJWTClaimsSet().getClaim(DevelopmentTokens.CLIENT_ID_CLAIM), "staff act for no client");
    }

    @Test
    void theRunCommandsTokensGoToAnOwnerOnlyFileAndLiveNoLongerThanTheServerAcceptsThem() throws Exception {
        Settings settings = Settings.load(Map.of("data-dir", dataDir.toString(), "jwt.audience", "shop-api"));
        DevelopmentTokens tokens = DevelopmentTokens.loadOrCreate(settings);

        Path file = tokens.writeTokenFile(dataDir, "demo", settings.maxTokenAge());

        assertEquals(DevelopmentTokens.tokenFile(dataDir), file);
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
        Map<String, String> variables = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.startsWith("#")) variables.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
        }
        assertEquals(Set.of("EXACTPAY_PORTAL_TOKEN", "EXACTPAY_SUPPORT_TOKEN", "EXACTPAY_ADMIN_TOKEN"), variables.keySet());
        for (String token : variables.values()) {
            JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
            assertEquals(List.of("shop-api"), claims.getAudience());
            Duration lifetime = Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant());
            assertTrue(lifetime.compareTo(settings.maxTokenAge()) <= 0, "lifetime " + lifetime);
        }
        assertEquals(List.of("admin"), SignedJWT.parse(variables.get("EXACTPAY_ADMIN_TOKEN")).getJWTClaimsSet()
                .getStringListClaim("groups"));
    }
}
