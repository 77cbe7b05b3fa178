package io.sparkfeed.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tests' SMTP server: a real one (GreenMail) inside the test JVM, started once on a free port, which the
 * application mails to through {@code spring.mail.host} and {@code spring.mail.port}. Tests read what was really
 * delivered, by recipient (tests share the server, so each reads only its own addresses).
 */
public final class MailServer {

    private static GreenMail server;
    private static int port;

    private MailServer() {}

    public static synchronized int port() {
        if (server == null) {
            start(0);
        }
        return port;
    }

    /** The mails delivered to the address so far. */
    public static List<MimeMessage> to(String address) {
        port();
        return Arrays.stream(server.getReceivedMessages())
                .filter(message -> recipients(message).contains(address.toLowerCase()))
                .toList();
    }

    /** Waits (at most ten seconds) until {@code count} mails were delivered to the address, and returns them. */
    public static List<MimeMessage> await(String address, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<MimeMessage> mails = to(address);
        while (mails.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
            mails = to(address);
        }
        return mails;
    }

    /**
     * The link to {@code path} ({@code /verify-email}) in the newest mail to the address that has one, waiting for
     * the first mail if none arrived yet.
     */
    public static String link(String address, String path) throws Exception {
        List<MimeMessage> mails = await(address, 1);
        Pattern link = Pattern.compile("https?://\\S+" + Pattern.quote(path) + "\\S*");
        for (int i = mails.size() - 1; i >= 0; i--) {
            Matcher found = link.matcher(part(mails.get(i), "text/plain"));
            if (found.find()) {
                return found.group();
            }
        }
        throw new AssertionError("no mail to " + address + " links to " + path);
    }

    /** The part of a mail of that type ({@code text/plain}, {@code text/html}), however deep it is nested. */
    public static String part(MimeMessage mail, String type) throws Exception {
        String found = find(mail.getContent(), mail.isMimeType(type), type);
        if (found == null) {
            throw new AssertionError("the mail has no " + type + " part");
        }
        return found;
    }

    private static String find(Object content, boolean isType, String type) throws Exception {
        if (content instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                var part = multipart.getBodyPart(i);
                String found = find(part.getContent(), part.isMimeType(type), type);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        return isType && content instanceof String text ? text : null;
    }

    /** Stops the server: mails sent meanwhile are refused (the connection is), until {@link #restart()}. */
    public static synchronized void stop() {
        port();
        server.stop();
    }

    /** Starts the server again on the same port, with what it received before gone. */
    public static synchronized void restart() {
        start(port);
    }

    private static void start(int onPort) {
        ServerSetup setup = new ServerSetup(onPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        server = new GreenMail(onPort == 0 ? setup.dynamicPort() : setup);
        server.start();
        port = server.getSmtp().getPort();
    }

    private static String recipients(MimeMessage message) {
        try {
            return Arrays.toString(message.getAllRecipients()).toLowerCase();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
