using CertGrid.Api.Access;
using CertGrid.Api.Errors;
using CertGrid.Api.GraphQl.Admission;
using CertGrid.Api.GraphQl.ResponseCaching;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Api.RateLimiting;
using CertGrid.Api.TrustedDocuments;
using GraphQL;
using GraphQL.Transport;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CertGrid.Api.GraphQl;

/// <summary>
/// <c>/graphql</c> per the GraphQL-over-HTTP spec: POST <c>application/json</c>, GET for queries only,
/// <c>application/graphql-response+json</c> (400 for request errors) or legacy <c>application/json</c> (200),
/// 401 for a bad key, 429 over the request limit or the cost budget, 503 when the cluster does not answer,
/// 405/406/413/415 where the spec says. Browsers get GraphiQL. Before anything is validated or run, a document is
/// resolved (a registered document's id, <see cref="TrustedDocumentGate"/>), admitted within the limits and priced
/// (<see cref="DocumentAdmission"/>), and the request is counted against the caller's request limit and its cost paid
/// from their budget in one step (<see cref="CallerBudgets.CountAndSpendAsync"/>; a request refused before it is priced
/// is counted on its own). Identical public queries (repeated verifications) are answered from
/// <see cref="GraphQlResponseCache"/> once seen before (<see cref="RequestSightings"/>), and charged as the first one was.
/// </summary>
public sealed class GraphQlHttpEndpoint(
    IDocumentExecuter<CertGridSchema> executer,
    GraphQlRequestReader reader,
    GraphQlResponseWriter writer,
    DocumentAdmission admission,
    TrustedDocumentGate trustedDocuments,
    GraphQlCallerGate callerGate,
    CallerBudgets budgets,
    GraphQlResponseCache responseCache,
    RequestSightings sightings,
    IOptions<GraphQlOptions> graphQlOptions)
{
    private readonly GraphQlOptions _limits = graphQlOptions.Value;

    public async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsPost(request.Method))
        {
            http.Response.Headers.Allow = "GET, POST";
            await writer.WriteProblemAsync(http, ResponseMediaType.Json, HttpProblem.MethodNotAllowed("Use POST, or GET for queries."));
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
            await writer.WriteProblemAsync(http, ResponseMediaType.Json, HttpProblem.NotAcceptable());
            return;
        }

        var (caller, refused) = await callerGate.AuthenticateAsync(http);
        if (refused is not null)
        {
            await writer.WriteProblemAsync(http, mediaType, refused);
            return;
        }

        var (raw, readProblem) = await GraphQlRequestReader.ReadAsync(request, _limits.MaxRequestBytes, http.RequestAborted);
        if (readProblem is not null)
        {
            await RefuseCountedAsync(http, mediaType, caller!, () => writer.WriteProblemAsync(http, mediaType, readProblem));
            return;
        }

        using (raw)
        {
            var acceptLanguage = request.Headers.AcceptLanguage.ToString();
            // Only a request seen before is looked up and kept (RequestSightings): most verifications are never repeated.
            var replayable = responseCache.Enabled && !await trustedDocuments.RequiredForAsync(caller!)
                && sightings.SeenBefore(request.Method, mediaType, acceptLanguage, raw!.Bytes.Span);
            ResponseCacheKey? cacheKey = replayable ? ResponseCacheKey.For(request.Method, mediaType, acceptLanguage, raw!.Bytes.Span) : null;
            if (cacheKey is { } key && responseCache.TryGet(key, out var cached, out var cachedCost))
            {
                if (await ChargeAsync(http, mediaType, caller!, cachedCost) is { } paid)
                {
                    await GraphQlResponseWriter.WriteCachedAsync(http, mediaType, cached, paid);
                }

                return;
            }

            var (graphQlRequest, problem) = reader.Parse(request, raw!);
            if (problem is not null)
            {
                await RefuseCountedAsync(http, mediaType, caller!, () => writer.WriteProblemAsync(http, mediaType, problem));
                return;
            }

            await AdmitAndExecuteAsync(http, mediaType, graphQlRequest!, acceptLanguage, caller!, cacheKey);
        }
    }

    private async Task AdmitAndExecuteAsync(HttpContext http, string mediaType, GraphQLRequest graphQlRequest, string acceptLanguage, Caller caller, ResponseCacheKey? cacheKey)
    {
        var (text, untrusted) = await trustedDocuments.ResolveAsync(caller, graphQlRequest);
        var (admitted, refusal) = untrusted is null ? admission.Admit(text!, graphQlRequest.OperationName, graphQlRequest.Variables) : (null, untrusted);
        if (refusal is not null)
        {
            await RefuseCountedAsync(http, mediaType, caller, () => writer.WriteRequestErrorAsync(http, mediaType, refusal.ToError()));
            return;
        }

        if (HttpMethods.IsGet(http.Request.Method) && admitted!.Operation.Operation == OperationType.Mutation)
        {
            await RefuseCountedAsync(http, mediaType, caller, () =>
            {
                http.Response.Headers.Allow = "POST";
                return writer.WriteProblemAsync(http, mediaType, HttpProblem.MethodNotAllowed("Mutations must be sent with POST."));
            });
            return;
        }

        if (await ChargeAsync(http, mediaType, caller, admitted!.Cost) is not { } paid)
        {
            return;
        }

        var hint = new ResponseCacheHint();
        var options = new ExecutionOptions
        {
            Query = text,
            Document = admitted.Document,
            ValidationRules = admitted.ValidationRules,
            OperationName = graphQlRequest.OperationName,
            Variables = graphQlRequest.Variables,
            Extensions = graphQlRequest.Extensions,
            UserContext = new GraphQlUserContext(caller, Domain.Languages.LanguagePreference.ParseAcceptLanguage(acceptLanguage), hint),
            RequestServices = http.RequestServices,
            CancellationToken = http.RequestAborted,
        };

        // Read before executing: a change made while the request runs leaves its cached response stale, not wrong.
        var epochBefore = responseCache.CurrentEpoch;
        var result = await executer.ExecuteAsync(options);
        admitted.Executed(result.Executed);
        if (cacheKey is not { } key || !responseCache.IsCacheable(result, hint))
        {
            await writer.WriteResultAsync(http, mediaType, result, paid);
            return;
        }

        var body = await writer.SerializeAsync(result, http.RequestAborted);
        responseCache.Store(key, epochBefore, hint.Until, body, admitted.Cost);
        await GraphQlResponseWriter.WriteCachedAsync(http, mediaType, body, paid);
    }

    /// <summary>
    /// Counts the request against the caller's request limit and pays its cost, in one step (<see cref="CallerBudgets.CountAndSpendAsync"/>):
    /// what was paid, or null once the refusal (over the request limit, or over the budget) has been answered.
    /// </summary>
    private async Task<BudgetDecision?> ChargeAsync(HttpContext http, string mediaType, Caller caller, long cost)
    {
        var charged = await budgets.CountAndSpendAsync(caller, Address(http), cost);
        if (charged.Spent is not { } paid)
        {
            await writer.WriteProblemAsync(http, mediaType, callerGate.OverLimit(caller, http, charged.Count));
            return null;
        }

        if (!paid.Allowed)
        {
            await RefuseOverBudgetAsync(http, mediaType, paid);
            return null;
        }

        return paid;
    }

    /// <summary>A request refused before it is priced still counts against the request limit; over it, the answer is the 429.</summary>
    private async Task RefuseCountedAsync(HttpContext http, string mediaType, Caller caller, Func<Task> refuse)
    {
        var counted = await budgets.CountAsync(caller, Address(http));
        await (counted.Allowed ? refuse() : writer.WriteProblemAsync(http, mediaType, callerGate.OverLimit(caller, http, counted)));
    }

    /// <summary>429 with <c>Retry-After</c> when waiting helps; a request error when the cost is more than the whole budget.</summary>
    private Task RefuseOverBudgetAsync(HttpContext http, string mediaType, BudgetDecision decision) => decision.NeverAffordable
        ? writer.WriteRequestErrorAsync(http, mediaType, AdmissionRefusal.OverLimit(DocumentLimit.Cost, decision.RefusalMessage).ToError(), decision)
        : writer.WriteProblemAsync(http, mediaType, HttpProblem.RateLimited(decision.RefusalMessage, decision.RetryAfterSeconds), decision);

    private static string? Address(HttpContext http) => GraphQlCallerGate.Address(http);
}
