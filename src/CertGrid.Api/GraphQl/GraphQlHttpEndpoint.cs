using System.Globalization;
using CertGrid.Api.Access;
using CertGrid.Api.GraphQl.ResponseCaching;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Api.RateLimiting;
using GraphQL;
using GraphQL.Transport;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CertGrid.Api.GraphQl;

/// <summary>
/// <c>/graphql</c> per the GraphQL-over-HTTP spec: POST <c>application/json</c>, GET for queries only,
/// <c>application/graphql-response+json</c> (400 for request errors) or legacy <c>application/json</c> (200),
/// 401 for a bad key, 429 over the rate limit, 405/406/413/415 where the spec says. Browsers get GraphiQL.
/// Identical public queries (repeated verifications) are answered from <see cref="GraphQlResponseCache"/>.
/// </summary>
public sealed class GraphQlHttpEndpoint(
    IDocumentExecuter<CertGridSchema> executer,
    IGraphQLSerializer serializer,
    GraphQlRequestReader reader,
    ApiKeyAuthenticator authenticator,
    IRequestRateLimiter rateLimiter,
    GraphQlResponseCache responseCache,
    IOptions<GraphQlOptions> graphQlOptions,
    IOptions<RateLimitOptions> rateLimitOptions)
{
    private readonly GraphQlOptions _limits = graphQlOptions.Value;

    public async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsPost(request.Method))
        {
            http.Response.Headers.Allow = "GET, POST";
            await WriteProblemAsync(http, ResponseMediaType.Json, HttpProblem.MethodNotAllowed("Use POST, or GET for queries."));
            return;
        }

        var accept = request.Headers.Accept.ToString();
        if (HttpMethods.IsGet(request.Method) && !request.Query.ContainsKey("query") && ResponseMediaType.WantsHtml(accept))
        {
            await GraphiQlPage.WriteAsync(http);
            return;
        }

        var mediaType = ResponseMediaType.Negotiate(accept);
        if (mediaType is null)
        {
            await WriteProblemAsync(http, ResponseMediaType.Json, HttpProblem.NotAcceptable());
            return;
        }

        Caller caller;
        try
        {
            caller = await authenticator.AuthenticateAsync(request);
        }
        catch (CertGridException ex) when (ex.Code == ErrorCode.Unauthenticated)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            await WriteProblemAsync(http, mediaType, new HttpProblem(StatusCodes.Status401Unauthorized, ex.Code.ToWireCode(), ex.Message));
            return;
        }

        var limit = caller.Kind == CallerKind.Anonymous ? rateLimitOptions.Value.AnonymousPermitsPerWindow : rateLimitOptions.Value.PermitsPerWindow;
        var decision = await rateLimiter.AcquireAsync(caller.RateLimitPartition(http.Connection.RemoteIpAddress?.ToString()), limit);
        if (!decision.Allowed)
        {
            http.Response.Headers.RetryAfter = decision.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            await WriteProblemAsync(http, mediaType, new HttpProblem(StatusCodes.Status429TooManyRequests, ErrorCode.RateLimited.ToWireCode(),
                decision.RefusalMessage));
            return;
        }

        var (raw, readProblem) = await GraphQlRequestReader.ReadAsync(request, _limits.MaxRequestBytes, http.RequestAborted);
        if (readProblem is not null)
        {
            await WriteProblemAsync(http, mediaType, readProblem);
            return;
        }

        using (raw)
        {
            var acceptLanguage = request.Headers.AcceptLanguage.ToString();
            var cacheKey = responseCache.Enabled ? ResponseCacheKey.For(request.Method, mediaType, acceptLanguage, raw!.Bytes.Span) : default;
            if (responseCache.Enabled && responseCache.TryGet(cacheKey, out var cached))
            {
                await WriteCachedAsync(http, mediaType, cached);
                return;
            }

            var (graphQlRequest, problem) = reader.Parse(request, raw!);
            if (problem is not null)
            {
                await WriteProblemAsync(http, mediaType, problem);
                return;
            }

            await ExecuteAsync(http, mediaType, graphQlRequest!, acceptLanguage, caller, cacheKey);
        }
    }

    private async Task ExecuteAsync(HttpContext http, string mediaType, GraphQLRequest graphQlRequest, string acceptLanguage, Caller caller, ResponseCacheKey cacheKey)
    {
        var hint = new ResponseCacheHint();
        var options = new ExecutionOptions
        {
            Query = graphQlRequest.Query,
            OperationName = graphQlRequest.OperationName,
            Variables = graphQlRequest.Variables,
            Extensions = graphQlRequest.Extensions,
            UserContext = new GraphQlUserContext(caller, Domain.Languages.LanguagePreference.ParseAcceptLanguage(acceptLanguage), hint),
            RequestServices = http.RequestServices,
            CancellationToken = http.RequestAborted,
        };
        if (HttpMethods.IsGet(http.Request.Method))
        {
            if (IsMutation(graphQlRequest, out var document))
            {
                http.Response.Headers.Allow = "POST";
                await WriteProblemAsync(http, mediaType, HttpProblem.MethodNotAllowed("Mutations must be sent with POST."));
                return;
            }

            options.Document = document;
        }

        // Read before executing: a change made while the request runs leaves its cached response stale, not wrong.
        var epochBefore = responseCache.CurrentEpoch;
        var result = await executer.ExecuteAsync(options);
        http.Response.StatusCode = !result.Executed && mediaType == ResponseMediaType.GraphQlResponse
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
        if (!responseCache.IsCacheable(result, hint))
        {
            await WriteAsync(http, mediaType, result);
            return;
        }

        using var buffer = new MemoryStream();
        await serializer.WriteAsync(buffer, result, http.RequestAborted);
        var body = buffer.ToArray();
        responseCache.Store(cacheKey, epochBefore, hint.Until, body);
        await WriteCachedAsync(http, mediaType, body);
    }

    /// <summary>Parses a GET request's document to refuse mutations; a document that does not parse is left to the executer to report.</summary>
    private static bool IsMutation(GraphQLRequest request, out GraphQLDocument? document)
    {
        document = null;
        try
        {
            document = GraphQLParser.Parser.Parse(request.Query);
        }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException)
        {
            return false;
        }

        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = request.OperationName is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == request.OperationName);
        return operation?.Operation == OperationType.Mutation;
    }

    private Task WriteProblemAsync(HttpContext http, string mediaType, HttpProblem problem)
    {
        http.Response.StatusCode = problem.Status;
        return WriteAsync(http, mediaType, new ExecutionResult(new ExecutionError(problem.Message) { Code = problem.Code }) { Executed = false });
    }

    private async Task WriteAsync(HttpContext http, string mediaType, ExecutionResult result)
    {
        WriteHeaders(http, mediaType);
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    private static async Task WriteCachedAsync(HttpContext http, string mediaType, byte[] body)
    {
        WriteHeaders(http, mediaType);
        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }

    private static void WriteHeaders(HttpContext http, string mediaType)
    {
        http.Response.ContentType = $"{mediaType}; charset=utf-8";
        http.Response.Headers[HeaderNames.CacheControl] = "no-store";
    }
}
