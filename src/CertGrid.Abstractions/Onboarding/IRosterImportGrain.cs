namespace CertGrid.Abstractions.Onboarding;

/// <summary>
/// One import of a roster file (learners, CSV or JSON Lines): upload, dry run, apply in batches, results. Applying is
/// idempotent (a learner whose email the community already has is left as it is) and resumes after a restart.
/// Key: <c>{community}/{imp_…}</c>.
/// </summary>
public interface IRosterImportGrain : IGrainWithStringKey
{
    /// <summary>Creates the import and returns where to upload the file (a short-lived SAS URL). CONFLICT if the id is taken.</summary>
    Task<RosterUploadTicket> StartAsync(StartRosterImport command, string actor);

    /// <summary>A fresh upload URL while the file has not been checked yet.</summary>
    Task<RosterUploadTicket> UploadTicketAsync();

    /// <summary>Reads and checks the uploaded file against the rules and the community's learners; changes nothing but the import's report.</summary>
    Task<RosterImportInfo> DryRunAsync(string actor);

    /// <summary>Starts enrolling the rows of a clean dry run in the background; POLICY_VIOLATION while the dry run found errors. Idempotent.</summary>
    Task<RosterImportInfo> ApplyAsync(string actor);

    [ReadOnly]
    Task<RosterImportInfo> GetAsync();

    /// <summary>A short-lived URL of the results file (one line per row: line, email, outcome, learner id, error), or null before the first dry run.</summary>
    [ReadOnly]
    Task<Uri?> ResultsUrlAsync();

    /// <summary>Processes the next batch of an import being applied (the grain's own timer; public so a test or an operator can nudge it).</summary>
    Task<RosterImportInfo> ContinueAsync();

    /// <summary>
    /// Removes every row whose email has the given SHA-256 (hex of the lower-case email) from the uploaded file and the
    /// results file (a learner's erasure); an import being applied moves its cursor back by the removed rows it had
    /// applied, so no other row is skipped. Returns how many rows went; idempotent.
    /// </summary>
    Task<int> EraseRowsNamingAsync(string emailSha256);
}
