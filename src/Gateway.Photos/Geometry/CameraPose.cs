namespace Gateway.Photos.Geometry;

/// <summary>Where a photo was taken from and, when known, where the camera pointed and how wide it saw.</summary>
/// <param name="Latitude">Camera latitude, decimal degrees.</param>
/// <param name="Longitude">Camera longitude, decimal degrees.</param>
/// <param name="DirectionDeg">GPSImgDirection (true or magnetic north; the difference, ~0° in Khumbu, is ignored), or null.</param>
/// <param name="Focal35mm">35 mm-equivalent focal length, or null.</param>
/// <param name="Orientation">EXIF orientation.</param>
/// <param name="Width">Stored pixel width.</param>
/// <param name="Height">Stored pixel height.</param>
public sealed record CameraPose(double Latitude, double Longitude, double? DirectionDeg, double? Focal35mm, int? Orientation, int? Width, int? Height);
