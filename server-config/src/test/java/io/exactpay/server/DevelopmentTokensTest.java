package io.exactpay.server;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
        assertEquals("shop-1", portal.getJWTClaimsSet().getStringClaim(DevelopmentTokens.CLIENT_ID_CLAIM));
        assertEquals(List.of("portal"), portal.getJWTClaimsSet().getStringListClaim("groups"));
        assertEquals(List.of("support"), support.getJWTClaimsSet().getStringListClaim("groups"));
        assertNull(support.getJWTClaimsSet().getClaim(DevelopmentTokens.CLIENT_ID_CLAIM), "staff act for no client");
    }
}
