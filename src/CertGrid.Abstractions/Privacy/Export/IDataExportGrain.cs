namespace CertGrid.Abstractions.Privacy.Export;

/// <summary>
/// One export of all the personal data CertGrid holds about a learner (GDPR articles 15 and 20), built in the background:
/// JSON parts are collected one by one (each stored before the next, so a restart resumes at the first part missing), then
/// streamed with every portfolio file into one ZIP blob under the learner's prefix, downloadable through a short-lived
/// URL until it expires and is deleted. The community's deadline bucket wakes an export nobody is watching.
/// Key: <c>{community}/{exportId}</c>.
/// </summary>
public interface IDataExportGrain : IGrainWithStringKey
{
    /// <summary>
    /// Starts the export of the learner's data. Starting it again for the same learner returns it as it is (a retried
    /// request); CONFLICT for another learner under the same id; NOT_FOUND for no such learner.
    /// </summary>
    Task<DataExportView> StartAsync(string learnerId, string actor);

    /// <summary>The export and its progress, or NOT_FOUND.</summary>
    [ReadOnly]
    Task<DataExportView> GetAsync();

    /// <summary>A short-lived URL that downloads the archive; CONFLICT while it is being built or after it expired or failed.</summary>
    [ReadOnly]
    Task<Uri> OpenDownloadAsync();

    /// <summary>
    /// Called by the community's deadline bucket: continues an export that stopped (its silo restarted), or deletes an
    /// archive whose time is up. Idempotent.
    /// </summary>
    [OneWay]
    Task ResumeAsync();
}
