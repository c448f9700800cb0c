using System.Text.Json.Nodes;

namespace CertGrid.Domain.Events;

/// <summary>The JSON an event is delivered as (webhook body, live subscription): ids, type, time; no personal data.</summary>
public static class EventPayload
{
    public static string Serialize(string community, DomainEvent evt, long? sequence = null)
    {
        var json = new JsonObject
        {
            ["id"] = evt.Id,
            ["type"] = evt.Type,
            ["community"] = community,
            ["occurredAt"] = evt.At.UtcDateTime.ToString("O"),
        };
        if (sequence is { } at)
        {
            json["cursor"] = FeedCursor.Of(at);
        }

        var subject = evt.Subject;
        Add(json, "learnerId", subject.LearnerId);
        Add(json, "credentialId", subject.CredentialId);
        Add(json, "credentialDefinitionId", subject.CredentialDefinitionId);
        Add(json, "attemptId", subject.AttemptId);
        Add(json, "appealId", subject.AppealId);
        Add(json, "evaluatorId", subject.EvaluatorId);
        Add(json, "outcome", subject.Outcome);
        return json.ToJsonString();
    }

    /// <summary>The JSON a partner organisation's webhook receives: the credential and its definition only, never the learner.</summary>
    public static string SerializeForPartner(string community, DomainEvent evt, long sequence)
    {
        var json = new JsonObject
        {
            ["id"] = evt.Id,
            ["type"] = evt.Type,
            ["community"] = community,
            ["occurredAt"] = evt.At.UtcDateTime.ToString("O"),
            ["cursor"] = FeedCursor.Of(sequence),
        };
        Add(json, "credentialId", evt.Subject.CredentialId);
        Add(json, "credentialDefinitionId", evt.Subject.CredentialDefinitionId);
        return json.ToJsonString();
    }

    private static void Add(JsonObject json, string name, string? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }
}
