namespace CertGrid.Abstractions.Onboarding;

/// <summary>Where an import stands.</summary>
public enum RosterImportStatus
{
    /// <summary>Created; the file is to be uploaded, then dry-run.</summary>
    AwaitingUpload,
    /// <summary>The dry run found errors: fix the file and start a new import.</summary>
    Rejected,
    /// <summary>The dry run found no errors: ready to apply.</summary>
    Checked,
    /// <summary>Being applied in batches; progress in processedRows.</summary>
    Applying,
    /// <summary>Every row is applied; the results file says what happened to each.</summary>
    Completed,
}
