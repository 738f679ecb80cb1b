package be.uliege.library.registration.base.api;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The API's outermost guard, before Spring Security:
 * <ul>
 * <li>a body announced larger than the limit gets 413 before a byte is read; one sent without a
 * length (chunked) is cut off at the limit while it is read, and the reader gets
 * {@link BodyTooLargeException} (answered 413);
 * <li>an exception that no advice answered (a filter, Spring Security, an answer lost after the
 * commit) becomes a problem here;
 * <li>the servlet container's {@code /error} dispatch for an API address (a status sent by a filter,
 * the firewall's refusal) is answered as a problem here too, before the desk's security chain could
 * send it to the login page or Vaadin could answer with its HTML page.
 * </ul>
 */
class ApiFilter implements Filter {

    private final ApiProblems problems;
    private final long limit;

    ApiFilter(ApiProblems problems, ApiSettings settings) {
        this.problems = problems;
        this.limit = settings.maxBodySize().toBytes();
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        var request = (HttpServletRequest) req;
        var response = (HttpServletResponse) res;
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            var uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            var context = request.getContextPath();
            if (uri != null && ApiProblems.isApi(uri.startsWith(context) ? uri.substring(context.length()) : uri)) {
                var failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
                var status = (Integer) request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
                problems.write(
                        failure != null
                                ? problems.of(failure, request)
                                : problems.of(status == null ? 500 : status, request),
                        response);
                return;
            }
            chain.doFilter(req, res);
            return;
        }
        if (request.getDispatcherType() != DispatcherType.REQUEST || !ApiProblems.isApi(ApiProblems.path(request))) {
            chain.doFilter(req, res);
            return;
        }
        if (request.getContentLengthLong() > limit) {
            problems.write(problems.tooLarge(request), response);
            return;
        }
        try {
            chain.doFilter(new CappedRequest(request, limit), response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (response.isCommitted()) {
                throw e;
            }
            problems.write(problems.of(unwrapped(e), request), response);
        }
    }

    /** What a servlet wrapped in "Request processing failed". */
    private static Throwable unwrapped(Exception e) {
        return e instanceof ServletException servlet && servlet.getRootCause() != null ? servlet.getRootCause() : e;
    }

    /** The request whose body cannot be read past the limit. */
    static final class CappedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private @Nullable ServletInputStream stream;

        CappedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CappedStream(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            var encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class CappedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        CappedStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, (int) Math.min(length, limit - read + 1));
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
