MATCH (m:RestartMarker {token: $token}) RETURN count(m) AS n
