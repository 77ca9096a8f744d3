package io.exactpay.server;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * A development identity provider: an RSA key pair under the data directory, made on the first
 * start and kept across restarts, and the RS256 bearer tokens it signs for the portal API
 * (MicroProfile JWT: issuer, audience, subject, {@code groups} as roles). Never for production, where
 * the server is given an identity provider's key instead ({@code jwt.public-key-location}).
 *
 * <p>A portal's client id is the {@value #CLIENT_ID_CLAIM} claim (RFC 9068 access tokens carry it);
 * support and admin tokens have none and may read every client's orders.
 */
public final class DevelopmentTokens {

    public static final String CLIENT_ID_CLAIM = "client_id";
    public static final String PORTAL = "portal";
    public static final String SUPPORT = "support";
    public static final String ADMIN = "admin";

    private static final String PRIVATE_KEY_FILE = "signing-key.pem";
    private static final String PUBLIC_KEY_FILE = "public-key.pem";
    private static final String TOKEN_FILE = "tokens.env";
    private static final String SCRAPE_TOKEN_FILE = "admin.token";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String issuer;
    private final String audience;

    private DevelopmentTokens(PrivateKey privateKey, PublicKey publicKey, String issuer, String audience) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.issuer = issuer;
        this.audience = audience;
    }

    /** The key pair's directory under the data directory. */
    static Path keyDir(Path dataDir) {
        return dataDir.resolve("jwt");
    }

    /** The PEM public key that the server verifies development tokens with. */
    public static Path publicKeyFile(Path dataDir) {
        return keyDir(dataDir).resolve(PUBLIC_KEY_FILE);
    }

    /** Where the run command keeps its current development tokens, readable by the server's user only. */
    public static Path tokenFile(Path dataDir) {
        return keyDir(dataDir).resolve(TOKEN_FILE);
    }

    /**
     * The admin token alone, for a Prometheus scrape job ({@code authorization.credentials_file},
     * which Prometheus reads again at every scrape): {@code /metrics} answers admins only.
     */
    public static Path scrapeTokenFile(Path dataDir) {
        return keyDir(dataDir).resolve(SCRAPE_TOKEN_FILE);
    }

    /** The key pair of the settings' data directory, made now if there is none yet. */
    public static DevelopmentTokens loadOrCreate(Settings settings) throws IOException {
        Path dir = keyDir(settings.dataDir());
        Path privateFile = dir.resolve(PRIVATE_KEY_FILE);
        try {
            if (!Files.exists(privateFile)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                OwnerOnlyFiles.directory(dir);
                OwnerOnlyFiles.writeString(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                OwnerOnlyFiles.writeString(publicKeyFile(settings.dataDir()),
                        pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            }
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(unpem(Files.readString(privateFile))));
            PublicKey publicKey = rsa.generatePublic(
                    new X509EncodedKeySpec(unpem(Files.readString(publicKeyFile(settings.dataDir())))));
            return new DevelopmentTokens(privateKey, publicKey, settings.get("jwt.issuer"), settings.get("jwt.audience"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot make or read the development key pair in " + dir, e);
        }
    }

    /** A portal's token: it acts as {@code clientId} and sees only that client's orders. */
    public String portal(String clientId, Duration lifetime) {
        return sign(claims(clientId, List.of(PORTAL), Instant.now(), lifetime).claim(CLIENT_ID_CLAIM, clientId).build());
    }

    /** A support or admin person's token, for every client's orders and the admin endpoints. */
    public String staff(String name, String role, Duration lifetime) {
        return sign(claims(name, List.of(role), Instant.now(), lifetime).build());
    }

    /**
     * Signs a portal, a support and an admin token valid for {@code lifetime} and writes them to
     * {@link #tokenFile} (owner-only) as shell variables, and the admin token alone to
     * {@link #scrapeTokenFile} for a local Prometheus, replacing the earlier ones. Staff tokens
     * are never printed: a console log is read by more people than the server's user.
     */
    public Path writeTokenFile(Path dataDir, String portalClient, Duration lifetime) throws IOException {
        Path file = tokenFile(dataDir);
        OwnerOnlyFiles.directory(file.getParent());
        String admin = staff("admin", ADMIN, lifetime);
        OwnerOnlyFiles.writeString(file, "# Development bearer tokens, valid " + lifetime.toMinutes()
                + " minutes from " + Instant.now() + "; source this file: . " + file + "\n"
                + "EXACTPAY_PORTAL_TOKEN=" + portal(portalClient, lifetime) + "\n"
                + "EXACTPAY_SUPPORT_TOKEN=" + staff("support", SUPPORT, lifetime) + "\n"
                + "EXACTPAY_ADMIN_TOKEN=" + admin + "\n");
        OwnerOnlyFiles.writeString(scrapeTokenFile(dataDir), admin + "\n");
        return file;
    }

    /** The claims MicroProfile JWT requires, valid from {@code issuedAt} for {@code lifetime}. */
    public JWTClaimsSet.Builder claims(String subject, List<String> groups, Instant issuedAt, Duration lifetime) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(subject)
                .claim("upn", subject)
                .claim("groups", groups)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(lifetime)));
    }

    /** Signs the claims with the development key (RS256). */
    public String sign(JWTClaimsSet claims) {
        return sign(claims, privateKey);
    }

    /** Signs with any RSA key: a token that the server must refuse when the key is not its own. */
    public static String sign(JWTClaimsSet claims, PrivateKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }

    /** The key the server verifies these tokens with, as written to {@link #publicKeyFile}. */
    public PublicKey publicKey() {
        return publicKey;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] unpem(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }
}
