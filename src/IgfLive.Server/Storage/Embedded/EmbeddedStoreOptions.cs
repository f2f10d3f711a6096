using System.ComponentModel.DataAnnotations;

namespace IgfLive.Server.Storage.Embedded;

/// <summary>Where the single-node store keeps its database.</summary>
public sealed class EmbeddedStoreOptions
{
    public const string SectionName = "Storage";

    /// <summary>
    /// Directory of the database file (<c>igflive.db</c>), created if missing. A relative path is
    /// resolved against the process's working directory, so production should set an absolute one.
    /// </summary>
    [Required]
    public string DataDirectory { get; set; } = "./data";
}
