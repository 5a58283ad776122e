package ru.rossgram.localcloud;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The Yandex profile's S3 endpoint: a filter in S3Proxy's own servlet context, so that every request S3Proxy serves
 * passes it first. What Yandex Object Storage would refuse ({@link ObjectStorageLimits}) is answered with S3's error
 * XML; the rest goes on to S3Proxy untouched (the filter reads no body).
 */
final class ObjectStorageGuard implements Filter {

    private final ObjectStorageLimits limits;

    ObjectStorageGuard(ObjectStorageLimits limits) {
        this.limits = limits;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        try {
            limits.check(http.getMethod(), http.getQueryString(), http::getHeader);
        } catch (ObjectStorageRefusal refusal) {
            HttpServletResponse answer = (HttpServletResponse) response;
            byte[] xml = refusal.xml();
            answer.setStatus(refusal.status());
            answer.setContentType("application/xml");
            answer.setContentLength(xml.length);
            answer.getOutputStream().write(xml);
            return;
        }
        chain.doFilter(request, response);
    }
}
