using Azure;
using Azure.Data.Tables;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Learners;

/// <summary>
/// Keeps a learner's email unique in their community: a learner claims the email's row (an insert that fails if the row
/// exists) before their enrolment or new email is stored, so two enrolments with one email, by hand, by an import or by
/// both at once, can never both succeed. A claim left by an enrolment that never completed (its learner has no such
/// email) is taken over, guarded by the row's ETag. Imports look emails up here, each a point read (many at once).
/// </summary>
public sealed class LearnerEmailIndex(StorageClients storage)
{
    private TableClient Table => storage.Table(storage.Names.LearnerEmailsTable);

    /// <summary>Claims the email for the learner. Returns the learner already holding it (the learner's own id when they hold it already, or now).</summary>
    public async Task<LearnerEmailClaim> ClaimAsync(string community, string email, string learnerId)
    {
        var row = new LearnerEmailRow { PartitionKey = community, RowKey = LearnerEmailRow.KeyOf(email), LearnerId = learnerId };
        try
        {
            await Table.AddEntityAsync(row);
            return new LearnerEmailClaim(learnerId, default);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var held = (await Table.GetEntityAsync<LearnerEmailRow>(community, row.RowKey)).Value;
            return new LearnerEmailClaim(held.LearnerId, held.ETag);
        }
    }

    /// <summary>Takes over a stale claim; false when it changed meanwhile (someone else took it).</summary>
    public async Task<bool> TakeOverAsync(string community, string email, string learnerId, ETag staleClaim)
    {
        try
        {
            await Table.UpdateEntityAsync(new LearnerEmailRow { PartitionKey = community, RowKey = LearnerEmailRow.KeyOf(email), LearnerId = learnerId }, staleClaim, TableUpdateMode.Replace);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    /// <summary>Gives the email up (the learner changed it or was erased). Only the learner holding it can.</summary>
    public async Task ReleaseAsync(string community, string email, string learnerId)
    {
        try
        {
            var held = (await Table.GetEntityAsync<LearnerEmailRow>(community, LearnerEmailRow.KeyOf(email))).Value;
            if (held.LearnerId == learnerId)
            {
                await Table.DeleteEntityAsync(held, held.ETag);
            }
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // Not held, or taken meanwhile: nothing of ours to give up.
        }
    }

    /// <summary>Who holds each of these emails, looked up a batch at a time (never a scan of the community's learners).</summary>
    public async Task<IReadOnlyDictionary<string, string>> FindAsync(string community, IEnumerable<string> emails)
    {
        var byKey = emails.Distinct(StringComparer.Ordinal).ToDictionary(LearnerEmailRow.KeyOf, e => e, StringComparer.Ordinal);
        var rows = await storage.ReadModel(storage.Names.LearnerEmailsTable).FindManyAsync<LearnerEmailRow>(community, byKey.Keys);
        return rows.ToDictionary(r => byKey[r.RowKey], r => r.LearnerId, StringComparer.Ordinal);
    }
}

/// <summary>Who holds an email, and the version of their claim (to take a stale one over).</summary>
public readonly record struct LearnerEmailClaim(string LearnerId, ETag Version);
