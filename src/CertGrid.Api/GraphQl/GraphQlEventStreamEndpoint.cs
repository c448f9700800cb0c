using System.Threading.Channels;
using CertGrid.Api.Events;
using CertGrid.Api.GraphQl.Admission;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Api.RateLimiting;
using CertGrid.Api.TrustedDocuments;
using GraphQL;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CertGrid.Api.GraphQl;

/// <summary>
/// <c>/graphql</c> with <c>Accept: text/event-stream</c>: GraphQL over Server-Sent Events (the graphql-sse protocol,
/// distinct connections mode). A subscription (or a query) is admitted as on <c>/graphql</c> (key or bearer token, rate
/// limit, trusted documents, limits, cost), then answered as an event stream: each result an <c>event: next</c>, the end
/// an <c>event: complete</c>, a comment line when the stream has been quiet for the heartbeat interval. A request refused
/// before it runs is answered with its HTTP status and a coded JSON body; a client that disconnects ends the work.
/// Mutations are refused here: they are retry-safe on <c>/graphql</c> as JSON.
/// </summary>
public sealed class GraphQlEventStreamEndpoint(
    IDocumentExecuter<CertGridSchema> executer,
    GraphQlRequestReader reader,
    GraphQlResponseWriter writer,
    IGraphQLSerializer serializer,
    DocumentAdmission admission,
    TrustedDocumentGate trustedDocuments,
    GraphQlCallerGate callerGate,
    CallerBudgets budgets,
    IOptions<GraphQlOptions> graphQlOptions,
    IOptions<LiveEventsOptions> liveOptions)
{
    private const string Json = ResponseMediaType.GraphQlResponse;

    public async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsPost(request.Method))
        {
            http.Response.Headers.Allow = "GET, POST";
            await writer.WriteProblemAsync(http, Json, HttpProblem.MethodNotAllowed("Open an event stream with POST (or GET)."));
            return;
        }

        var (caller, refused) = await callerGate.AdmitAsync(http);
        var (raw, readProblem) = refused is null ? await GraphQlRequestReader.ReadAsync(request, graphQlOptions.Value.MaxRequestBytes, http.RequestAborted) : (null, refused);
        if (readProblem is not null)
        {
            await writer.WriteProblemAsync(http, Json, readProblem);
            return;
        }

        using (raw)
        {
            var (graphQlRequest, problem) = reader.Parse(request, raw!);
            if (problem is not null)
            {
                await writer.WriteProblemAsync(http, Json, problem);
                return;
            }

            await AdmitAndStreamAsync(http, graphQlRequest!, caller!);
        }
    }

    private async Task AdmitAndStreamAsync(HttpContext http, GraphQL.Transport.GraphQLRequest graphQlRequest, Access.Caller caller)
    {
        var (text, untrusted) = await trustedDocuments.ResolveAsync(caller, graphQlRequest);
        var (admitted, refusal) = untrusted is null ? admission.Admit(text!, graphQlRequest.OperationName, graphQlRequest.Variables, subscriptionsAllowed: true) : (null, untrusted);
        if (refusal is null && admitted!.Operation.Operation == OperationType.Mutation)
        {
            refusal = AdmissionRefusal.Invalid("Send mutations to /graphql as JSON (Accept: application/json), where a retried mutation is safe; event streams carry subscriptions and queries.");
        }

        if (refusal is not null)
        {
            await writer.WriteRequestErrorAsync(http, Json, refusal.ToError());
            return;
        }

        var paid = await budgets.SpendAsync(caller, GraphQlCallerGate.Address(http), admitted!.Cost);
        if (!paid.Allowed)
        {
            await writer.WriteProblemAsync(http, Json, HttpProblem.RateLimited(paid.RefusalMessage, paid.RetryAfterSeconds), paid);
            return;
        }

        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = text,
            Document = admitted.Document,
            ValidationRules = admitted.ValidationRules,
            OperationName = graphQlRequest.OperationName,
            Variables = graphQlRequest.Variables,
            Extensions = graphQlRequest.Extensions,
            UserContext = new GraphQlUserContext(caller, Domain.Languages.LanguagePreference.ParseAcceptLanguage(http.Request.Headers.AcceptLanguage.ToString())) { OpensStream = true },
            RequestServices = http.RequestServices,
            CancellationToken = http.RequestAborted,
        });
        admitted.Executed(result.Executed);
        if (!result.Executed)
        {
            await writer.WriteResultAsync(http, Json, result, paid);
            return;
        }

        var events = new ServerSentEvents(http, serializer);
        await events.StartAsync();
        if (result.Streams is { Count: > 0 } streams)
        {
            await RelayAsync(http, events, streams.Values.First());
            return;
        }

        await events.NextAsync(result);
        await events.CompleteAsync();
    }

    /// <summary>Writes the stream's results as they come until it completes or the client leaves; a heartbeat while it is quiet.</summary>
    private async Task RelayAsync(HttpContext http, ServerSentEvents events, IObservable<ExecutionResult> stream)
    {
        var results = Channel.CreateUnbounded<ExecutionResult>(new UnboundedChannelOptions { SingleReader = true });
        var left = http.RequestAborted;
        using var subscription = stream.Subscribe(new ChannelObserver(results.Writer));
        try
        {
            while (true)
            {
                using var quiet = CancellationTokenSource.CreateLinkedTokenSource(left);
                quiet.CancelAfter(liveOptions.Value.HeartbeatInterval);
                bool open;
                try
                {
                    open = await results.Reader.WaitToReadAsync(quiet.Token);
                }
                catch (OperationCanceledException) when (!left.IsCancellationRequested)
                {
                    await events.HeartbeatAsync();
                    continue;
                }

                if (!open)
                {
                    break;
                }

                while (results.Reader.TryRead(out var result))
                {
                    await events.NextAsync(result);
                }
            }

            await events.CompleteAsync();
        }
        catch (Exception ex) when (left.IsCancellationRequested && ex is OperationCanceledException or IOException)
        {
            // The client left (a write found the connection gone): disposing the subscription stops reading the feed.
        }
    }

    private sealed class ChannelObserver(ChannelWriter<ExecutionResult> results) : IObserver<ExecutionResult>
    {
        public void OnNext(ExecutionResult value) => results.TryWrite(value);

        public void OnError(Exception error)
        {
            results.TryWrite(new ExecutionResult(error as ExecutionError ?? new ExecutionError(CertGridErrorMiddleware.InternalMessage) { Code = GraphQlErrors.Internal }));
            results.TryComplete();
        }

        public void OnCompleted() => results.TryComplete();
    }
}
