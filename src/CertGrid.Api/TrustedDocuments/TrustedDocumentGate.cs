using CertGrid.Api.Access;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Admission;
using CertGrid.Domain.TrustedDocuments;
using GraphQL;
using GraphQL.Transport;

namespace CertGrid.Api.TrustedDocuments;

/// <summary>
/// Turns a request into the document text to run: the registered document its id names (GraphQL-over-HTTP's
/// <c>documentId</c>, or Apollo's <c>extensions.persistedQuery.sha256Hash</c>), or the text it sent, which a key or
/// community that accepts only registered documents may send only when it is registered.
/// </summary>
public sealed class TrustedDocumentGate(TrustedDocumentStore store)
{
    /// <summary>Whether the caller may only run registered documents (then no cached response is replayed before this gate).</summary>
    public async Task<bool> RequiredForAsync(Caller caller) =>
        caller.Kind == CallerKind.Member && (await store.PolicyAsync(caller.Community!)).Requires(caller.KeyId, caller.IsAdmin);

    public async Task<(string? Text, AdmissionRefusal? Refusal)> ResolveAsync(Caller caller, GraphQLRequest request)
    {
        if (IdOf(request) is not { } id)
        {
            return await RequiredForAsync(caller) && await store.FindAsync(caller.Community!, TrustedDocumentId.HashOf(request.Query!)) is null
                ? (null, new AdmissionRefusal(GraphQlErrors.TrustedDocumentRequired,
                    "Your key runs registered documents only: register this document (registerTrustedDocument) and send its 'documentId' instead of its text."))
                : (request.Query, null);
        }

        if (caller.Kind != CallerKind.Member)
        {
            return (null, new AdmissionRefusal(GraphQlErrors.DocumentNotFound,
                "Registered documents belong to a community: send the key of the community that registered it, or send the document's text as 'query'."));
        }

        string hash;
        try
        {
            hash = TrustedDocumentId.RequireHash(id, "documentId");
        }
        catch (CertGridException ex)
        {
            return (null, new AdmissionRefusal(GraphQlErrors.DocumentIdInvalid, ex.Message));
        }

        var text = await store.FindAsync(caller.Community!, hash);
        return text switch
        {
            null => (null, new AdmissionRefusal(GraphQlErrors.DocumentNotFound,
                $"No document '{TrustedDocumentId.Prefix}{hash}' is registered in your community: register it with registerTrustedDocument, or send its text as 'query'.")),
            _ when request.Query is not null && TrustedDocumentId.HashOf(request.Query) != hash => (null, new AdmissionRefusal(GraphQlErrors.DocumentIdInvalid,
                "'query' is not the document 'documentId' names: send one of them.")),
            _ => (text, null),
        };
    }

    /// <summary>The document id a request names: <c>documentId</c>, or Apollo's persisted-query hash.</summary>
    public static string? IdOf(GraphQLRequest request) =>
        request.DocumentId ?? (request.Extensions?.TryGetValue("persistedQuery", out var persisted) == true
            && persisted is IReadOnlyDictionary<string, object?> apollo && apollo.TryGetValue("sha256Hash", out var hash) ? hash as string : null);
}
