using System.Xml.Linq;
using Azure;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace CertGrid.Grains.Storage;

/// <summary>
/// Keeps the ASP.NET Core Data Protection key ring in a blob container, so every silo (two processes on a
/// laptop or many replicas in Azure) encrypts and decrypts signing keys with the same ring.
/// </summary>
public sealed class BlobXmlRepository(BlobContainerClient container) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        var elements = new List<XElement>();
        foreach (var item in container.GetBlobs())
        {
            using var stream = container.GetBlobClient(item.Name).OpenRead();
            elements.Add(XElement.Load(stream));
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var stream = new MemoryStream();
        element.Save(stream);
        stream.Position = 0;
        var name = $"{friendlyName}-{Guid.NewGuid():N}.xml";
        try
        {
            container.GetBlobClient(name).Upload(stream, overwrite: false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Same name already stored: the element is already in the ring.
        }
    }
}
