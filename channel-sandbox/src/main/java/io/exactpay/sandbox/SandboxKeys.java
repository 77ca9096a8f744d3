package io.exactpay.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.io.Writer;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Properties;
import java.util.Set;

/**
 * Key material and identities of both channels and of the merchant, as PEM files in one folder.
 * Generated on first start (never real merchant secrets) and reused afterwards, so ExactPay's
 * configuration can point at the same files across restarts.
 */
public final class SandboxKeys {

    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    public static final String WECHATPAY_MERCHANT_PRIVATE = "wechatpay-merchant-private-key.pem";
    public static final String WECHATPAY_MERCHANT_PUBLIC = "wechatpay-merchant-public-key.pem";
    public static final String WECHATPAY_PLATFORM_PRIVATE = "wechatpay-platform-private-key.pem";
    public static final String WECHATPAY_PLATFORM_PUBLIC = "wechatpay-platform-public-key.pem";
    public static final String ALIPAY_APP_PRIVATE = "alipay-app-private-key.pem";
    public static final String ALIPAY_APP_PUBLIC = "alipay-app-public-key.pem";
    public static final String ALIPAY_PLATFORM_PRIVATE = "alipay-platform-private-key.pem";
    public static final String ALIPAY_PLATFORM_PUBLIC = "alipay-public-key.pem";
    public static final String IDENTITIES = "sandbox-identities.properties";

    private final Path dir;
    private final KeyPair wechatMerchant;
    private final KeyPair wechatPlatform;
    private final KeyPair alipayApp;
    private final KeyPair alipayPlatform;
    private final Properties identities;

    private SandboxKeys(Path dir, KeyPair wechatMerchant, KeyPair wechatPlatform, KeyPair alipayApp,
                        KeyPair alipayPlatform, Properties identities) {
        this.dir = dir;
        this.wechatMerchant = wechatMerchant;
        this.wechatPlatform = wechatPlatform;
        this.alipayApp = alipayApp;
        this.alipayPlatform = alipayPlatform;
        this.identities = identities;
    }

    /** Loads the keys in {@code dir}, generating whatever is missing. */
    public static SandboxKeys loadOrGenerate(Path dir) {
        try {
            ownerOnlyDirectory(dir);
            KeyPair wechatMerchant = pair(dir, WECHATPAY_MERCHANT_PRIVATE, WECHATPAY_MERCHANT_PUBLIC);
            KeyPair wechatPlatform = pair(dir, WECHATPAY_PLATFORM_PRIVATE, WECHATPAY_PLATFORM_PUBLIC);
            KeyPair alipayApp = pair(dir, ALIPAY_APP_PRIVATE, ALIPAY_APP_PUBLIC);
            KeyPair alipayPlatform = pair(dir, ALIPAY_PLATFORM_PRIVATE, ALIPAY_PLATFORM_PUBLIC);
            Properties ids = identities(dir.resolve(IDENTITIES));
            return new SandboxKeys(dir, wechatMerchant, wechatPlatform, alipayApp, alipayPlatform, ids);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create sandbox keys in " + dir, e);
        }
    }

    private static Properties identities(Path file) throws IOException {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            }
        }
        SecureRandom random = new SecureRandom();
        boolean changed = false;
        changed |= putIfAbsent(p, "wechatpay.mchid", "19" + digits(random, 8));
        changed |= putIfAbsent(p, "wechatpay.appid", "wx" + hex(random, 8));
        changed |= putIfAbsent(p, "wechatpay.merchant-serial", hex(random, 20).toUpperCase());
        changed |= putIfAbsent(p, "wechatpay.platform-public-key-id", "PUB_KEY_ID_01" + digits(random, 20));
        // The APIv3 key is exactly 32 ASCII characters: AES-256 takes its bytes as the key.
        changed |= putIfAbsent(p, "wechatpay.api-v3-key", hex(random, 16));
        changed |= putIfAbsent(p, "alipay.app-id", "2021" + digits(random, 12));
        changed |= putIfAbsent(p, "alipay.seller-id", "2088" + digits(random, 12));
        if (changed) {
            try (var out = ownerOnlyWriter(file)) {
                p.store(out, "Sandbox identities: generated for tests and demos, not real merchant data");
            }
        }
        return p;
    }

    private static boolean putIfAbsent(Properties p, String key, String value) {
        return p.putIfAbsent(key, value) == null;
    }

    private static String digits(SecureRandom random, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(random.nextInt(10));
        }
        return sb.toString();
    }

    private static String hex(SecureRandom random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static KeyPair pair(Path dir, String privateName, String publicName)
            throws IOException, GeneralSecurityException {
        Path priv = dir.resolve(privateName);
        Path pub = dir.resolve(publicName);
        if (Files.exists(priv) && Files.exists(pub)) {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new KeyPair(
                    rsa.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pemBody(Files.readString(pub))))),
                    rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pemBody(Files.readString(priv))))));
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        try (Writer out = ownerOnlyWriter(priv)) {
            out.write(pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        }
        try (Writer out = ownerOnlyWriter(pub)) {
            out.write(pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        }
        return pair;
    }

    /** The keys' directory is the sandbox user's alone (rwx------): it holds private keys and the API v3 key. */
    private static void ownerOnlyDirectory(Path dir) throws IOException {
        if (!posix()) {
            Files.createDirectories(dir);
            return;
        }
        if (!Files.isDirectory(dir)) Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
        Files.setPosixFilePermissions(dir, OWNER_DIRECTORY);
    }

    /** A writer over the file, which is rw------- before the first byte goes in. */
    static Writer ownerOnlyWriter(Path file) throws IOException {
        if (posix()) {
            if (Files.exists(file)) Files.setPosixFilePermissions(file, OWNER_FILE);
            else Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
        }
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** The base64 body of a PEM text, which is what Alipay's SDK takes as a key string. */
    public static String pemBody(String pem) {
        return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }

    static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    public Path dir() {
        return dir;
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    public String identity(String key) {
        String value = identities.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("no sandbox identity " + key);
        }
        return value;
    }

    public String wechatMchid() {
        return identity("wechatpay.mchid");
    }

    public String wechatAppid() {
        return identity("wechatpay.appid");
    }

    public String wechatMerchantSerial() {
        return identity("wechatpay.merchant-serial");
    }

    public String wechatPlatformKeyId() {
        return identity("wechatpay.platform-public-key-id");
    }

    public String wechatApiV3Key() {
        return identity("wechatpay.api-v3-key");
    }

    public String alipayAppId() {
        return identity("alipay.app-id");
    }

    public String alipaySellerId() {
        return identity("alipay.seller-id");
    }

    public PublicKey wechatMerchantPublicKey() {
        return wechatMerchant.getPublic();
    }

    public PrivateKey wechatPlatformPrivateKey() {
        return wechatPlatform.getPrivate();
    }

    public PublicKey alipayAppPublicKey() {
        return alipayApp.getPublic();
    }

    public PrivateKey alipayPlatformPrivateKey() {
        return alipayPlatform.getPrivate();
    }

    /** Base64 PKCS#8 text, the form AlipaySignature takes. */
    public String alipayPlatformPrivateKeyText() {
        return Base64.getEncoder().encodeToString(alipayPlatform.getPrivate().getEncoded());
    }

    public String alipayAppPublicKeyText() {
        return Base64.getEncoder().encodeToString(alipayApp.getPublic().getEncoded());
    }

    /**
     * The channel settings ExactPay needs to talk to this sandbox, under the keys its
     * configuration reads. Written next to the keys on every start, as the port may change.
     */
    public Properties exactPaySettings(String baseUrl) {
        Properties p = new Properties();
        p.setProperty("exactpay.channel.wechatpay.base-url", baseUrl);
        p.setProperty("exactpay.channel.wechatpay.mchid", wechatMchid());
        p.setProperty("exactpay.channel.wechatpay.appid", wechatAppid());
        p.setProperty("exactpay.channel.wechatpay.merchant-serial", wechatMerchantSerial());
        p.setProperty("exactpay.channel.wechatpay.merchant-private-key-file", file(WECHATPAY_MERCHANT_PRIVATE).toString());
        p.setProperty("exactpay.channel.wechatpay.platform-public-key-file", file(WECHATPAY_PLATFORM_PUBLIC).toString());
        p.setProperty("exactpay.channel.wechatpay.platform-public-key-id", wechatPlatformKeyId());
        p.setProperty("exactpay.channel.wechatpay.api-v3-key", wechatApiV3Key());
        p.setProperty("exactpay.channel.alipay.gateway-url", baseUrl + "/gateway.do");
        p.setProperty("exactpay.channel.alipay.app-id", alipayAppId());
        p.setProperty("exactpay.channel.alipay.seller-id", alipaySellerId());
        p.setProperty("exactpay.channel.alipay.app-private-key-file", file(ALIPAY_APP_PRIVATE).toString());
        p.setProperty("exactpay.channel.alipay.alipay-public-key-file", file(ALIPAY_PLATFORM_PUBLIC).toString());
        return p;
    }
}
