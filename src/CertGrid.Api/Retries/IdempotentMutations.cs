using System.Globalization;
using System.Text.Json;
using CertGrid.Abstractions.Retries;
using CertGrid.Api.Access;
using CertGrid.Api.Errors;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Api.RateLimiting;
using CertGrid.Api.TrustedDocuments;
using CertGrid.Domain.TrustedDocuments;
using CertGrid.Domain.Retries;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CertGrid.Api.Retries;

/// <summary>
/// Runs in front of <c>/graphql</c> for POSTs that carry an <c>Idempotency-Key</c>: a mutation is claimed in the
/// caller's record of that key (<see cref="IIdempotencyRecordGrain"/>) before it runs, and its answer is kept there
/// before it is sent, so a retry through any gateway gets the first answer. A key used for another request, or whose
/// request is still running, is refused with a coded error; queries, anonymous calls and bodies that are not a
/// readable mutation go straight through. A request naming a trusted document by id is read as the registered text. docs/api/graphql.md ("Retrying safely") is the contract.
/// </summary>
public sealed class IdempotentMutations(
    IGrainFactory grains,
    ApiKeyAuthenticator authenticator,
    CertGridSchema schema,
    TrustedDocumentStore documents,
    IOptions<IdempotencyOptions> options,
    IOptions<GraphQlOptions> graphQlOptions,
    ILogger<IdempotentMutations> logger)
{
    public const string ReplayedHeader = "Idempotent-Replayed";

    private static readonly TimeSpan LeaseMargin = TimeSpan.FromSeconds(5);

    private readonly IdempotencyOptions _options = options.Value;

    public async Task HandleAsync(HttpContext http, Func<HttpContext, Task> endpoint)
    {
        var request = http.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.Headers.TryGetValue(IdempotencyKey.HeaderName, out var header))
        {
            await endpoint(http);
            return;
        }

        var key = header.Count == 1 ? IdempotencyKey.Parse(header[0]) : null;
        if (key is null)
        {
            await RefuseAsync(http, StatusCodes.Status400BadRequest, IdempotencyErrors.KeyInvalid, IdempotencyKey.Rule);
            return;
        }

        var (caller, mutation) = await ReadAsync(http);
        if (caller is not { } of || mutation is null)
        {
            await endpoint(http);
            return;
        }

        var scope = IdempotentRequest.For(of.Community, of.Principal, key, mutation.Fingerprint);

        var safeToRunAgain = mutation.RootFields.All(name => name is not null && schema.Mutation?.GetField(name).IsSafeToRunAgain() == true);
        var record = grains.IdempotencyRecord(scope.Community, scope.RecordId);
        IdempotencyClaim claim;
        try
        {
            claim = await record.ClaimAsync(mutation.Fingerprint, safeToRunAgain, new IdempotencyTerms(_options.Window, Lease));
        }
        catch (Exception ex) when (ClusterUnavailability.Explains(ex) || ex is CertGridException { Code: ErrorCode.Unavailable })
        {
            logger.LogWarning(ex, "The idempotency record of a mutation could not be reached");
            await RefuseAsync(http, StatusCodes.Status503ServiceUnavailable, ErrorCode.Unavailable.ToWireCode(), ClusterUnavailability.Message, ClusterUnavailability.RetryAfterSeconds);
            return;
        }

        switch (claim.Verdict)
        {
            case IdempotencyVerdict.Execute:
                IdempotencyMetrics.Count(claim.RanBefore ? "run_again" : "first_run");
                scope.AttachTo(http);
                var rememberUntil = claim.ExpiresAt == default ? DateTimeOffset.UtcNow + _options.Window : claim.ExpiresAt;
                await RunAndKeepAsync(http, () => OperationIds.RunAsync(new OperationIds(scope.Seed, rememberUntil), () => endpoint(http)), record, claim.ClaimId!);
                return;
            case IdempotencyVerdict.Replay:
                IdempotencyMetrics.Count("replayed");
                await ReplayAsync(http, claim.Answer!);
                return;
            case IdempotencyVerdict.InProgress:
                IdempotencyMetrics.Count("in_progress");
                await RefuseAsync(http, StatusCodes.Status409Conflict, IdempotencyErrors.KeyInUse,
                    "A request with this Idempotency-Key is still running. Wait and send it again (see Retry-After) to get its answer.", claim.RetryAfterSeconds);
                return;
            case IdempotencyVerdict.KeyReused:
                IdempotencyMetrics.Count("key_reused");
                await RefuseAsync(http, StatusCodes.Status422UnprocessableEntity, IdempotencyErrors.KeyReused,
                    "This Idempotency-Key was already used for a different request. Use a new key for each new request; send a retry with exactly the same body.");
                return;
            default:
                IdempotencyMetrics.Count("outcome_unknown");
                await RefuseAsync(http, StatusCodes.Status409Conflict, IdempotencyErrors.OutcomeUnknown,
                    "The first request with this Idempotency-Key ran, but its answer was lost when the cluster did not answer, so it may or may not have been applied. Check the current state; if it was not applied, send it again with a new key.");
                return;
        }
    }

    /// <summary>
    /// How long a run holds its key: the configured lease, but never less than the execution timeout and a margin, so a
    /// lease only runs out when its gateway died, never while the run may still be applying the mutation.
    /// </summary>
    private TimeSpan Lease => TimeSpan.FromTicks(Math.Max(_options.Lease.Ticks, (graphQlOptions.Value.ExecutionTimeout + LeaseMargin).Ticks));

    /// <summary>The caller's community and API key, and the mutation, or nulls when the request is not one this handles.</summary>
    private async Task<((string Community, string Principal)?, MutationRequest?)> ReadAsync(HttpContext http)
    {
        Caller caller;
        try
        {
            caller = await authenticator.AuthenticateAsync(http.Request);
        }
        catch (Exception ex) when (ex is CertGridException or AuthenticationThrottledException || ClusterUnavailability.Explains(ex))
        {
            // The endpoint meets the same failure (the caller is worked out once per request) and answers it as it always does.
            return (null, null);
        }

        (string Community, string Principal)? scope = caller.Kind switch
        {
            CallerKind.Member => (caller.Community!, caller.KeyId!),
            CallerKind.Operator => ("operator", "operator"),
            _ => null,
        };
        if (scope is not { } of)
        {
            return (null, null);
        }

        var limit = graphQlOptions.Value.MaxRequestBytes;
        if (http.Request.ContentLength > limit)
        {
            return (null, null);
        }

        // Read at most one byte more than the endpoint accepts, then rewind: an oversized body is the endpoint's to refuse.
        http.Request.EnableBuffering(limit);
        var body = new byte[limit + 1];
        var length = 0;
        int read;
        while (length < body.Length && (read = await http.Request.Body.ReadAsync(body.AsMemory(length), http.RequestAborted)) > 0)
        {
            length += read;
        }

        http.Request.Body.Position = 0;
        if (length > limit)
        {
            return (null, null);
        }

        var registered = caller.Kind == CallerKind.Member && MutationRequest.DocumentIdOf(body.AsSpan(0, length)) is { } documentId
            ? await RegisteredTextAsync(caller.Community!, documentId)
            : null;
        return (of, MutationRequest.TryRead(body.AsSpan(0, length), registered));
    }

    /// <summary>The text of the trusted document a request names by id, or null (the endpoint answers an unknown or malformed id).</summary>
    private async Task<string?> RegisteredTextAsync(string community, string documentId)
    {
        try
        {
            return await documents.FindAsync(community, TrustedDocumentId.RequireHash(documentId, "documentId"));
        }
        catch (Exception ex) when (ex is CertGridException || ClusterUnavailability.Explains(ex))
        {
            return null;
        }
    }

    /// <summary>Runs the request into a buffer, settles the record (the answer kept, or the key given up), then sends it.</summary>
    private async Task RunAndKeepAsync(HttpContext http, Func<Task> run, IIdempotencyRecordGrain record, string claimId)
    {
        var client = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await run();
        }
        catch
        {
            http.Response.Body = client;
            await SettleAsync(() => record.AbandonAsync(claimId, ran: true), "answer_lost");
            throw;
        }

        http.Response.Body = client;
        var answer = buffer.ToArray();
        var kind = answer.Length > _options.MaxAnswerBytes ? AnswerKind.Lost : AnswerKinds.Of(http.Response.StatusCode, answer);
        await (kind switch
        {
            AnswerKind.Final => SettleAsync(() => record.CompleteAsync(claimId, new RecordedAnswer(http.Response.StatusCode, http.Response.ContentType ?? ResponseMediaType.Json, answer)), null),
            AnswerKind.NotRun => SettleAsync(() => record.AbandonAsync(claimId, ran: false), null),
            _ => SettleAsync(() => record.AbandonAsync(claimId, ran: true), "answer_lost"),
        });

        http.Response.ContentLength = answer.Length;
        await client.WriteAsync(answer, http.RequestAborted);
    }

    /// <summary>
    /// Stores how the run ended. If that fails the answer is still sent (it is the truth); the key stays held until its
    /// lease ends and then counts as a lost answer, so a retry can never run the request blindly a second time.
    /// </summary>
    private async Task SettleAsync(Func<Task> settle, string? outcome)
    {
        try
        {
            await settle();
            if (outcome is not null)
            {
                IdempotencyMetrics.Count(outcome);
            }
        }
        catch (Exception ex) when (ClusterUnavailability.Explains(ex) || ex is CertGridException)
        {
            IdempotencyMetrics.Count("unrecorded");
            logger.LogWarning(ex, "The outcome of a mutation could not be kept in its idempotency record");
        }
    }

    private static async Task ReplayAsync(HttpContext http, RecordedAnswer answer)
    {
        http.Response.StatusCode = answer.Status;
        http.Response.ContentType = answer.ContentType;
        http.Response.Headers[HeaderNames.CacheControl] = "no-store";
        http.Response.Headers[ReplayedHeader] = "true";
        http.Response.ContentLength = answer.Body.Length;
        await http.Response.Body.WriteAsync(answer.Body, http.RequestAborted);
    }

    private static async Task RefuseAsync(HttpContext http, int status, string code, string message, int? retryAfterSeconds = null)
    {
        var mediaType = ResponseMediaType.Negotiate(http.Request.Headers.Accept.ToString()) ?? ResponseMediaType.Json;
        http.Response.StatusCode = status;
        http.Response.ContentType = $"{mediaType}; charset=utf-8";
        http.Response.Headers[HeaderNames.CacheControl] = "no-store";
        if (retryAfterSeconds is { } seconds)
        {
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        await JsonSerializer.SerializeAsync(http.Response.Body, new { errors = new[] { new { message, extensions = new { code } } } }, cancellationToken: http.RequestAborted);
    }
}
