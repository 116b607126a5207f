package org.homestretch.e2e;

import org.apache.catalina.Context;
import org.apache.catalina.Manager;
import org.apache.catalina.Session;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ApplicationContext;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The running server's HTTP sessions as Tomcat holds them: how many, and how long each may sit idle. */
final class ServerSessions {

    private final Manager manager;

    ServerSessions(ApplicationContext context) {
        TomcatWebServer server = (TomcatWebServer) ((ServletWebServerApplicationContext) context).getWebServer();
        Context app = (Context) server.getTomcat().getHost().findChildren()[0];
        manager = app.getManager();
    }

    List<Session> all() {
        return Arrays.stream(manager.findSessions()).filter(Session::isValid).toList();
    }

    Optional<Session> find(String id) {
        try {
            return Optional.ofNullable(manager.findSession(id)).filter(Session::isValid);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The session id a response set, if it set one. */
    static Optional<String> setCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring("JSESSIONID=".length(), c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .filter(id -> !id.isEmpty())
                .findFirst();
    }
}
