package io.tandem.gui.steps;

import io.tandem.gui.form.Form;
import io.tandem.gui.wizard.FieldBinding;
import io.tandem.gui.wizard.NetworkStep;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.VPos;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import java.util.List;

/**
 * A small drawing of the two networks: the clients reach both nodes over the client network and
 * talk to the virtual IP; the nodes mirror each other over their own replication network. The
 * addresses are the fields' own values, so the picture follows every keystroke.
 */
final class NetworkPicture {

    private static final double WIDTH = 560;
    private static final double HEIGHT = 250;
    private static final Color CLIENT = Color.web("#1565c0");
    private static final Color REPLICATION = Color.web("#6a1b9a");

    private NetworkPicture() {
    }

    static Pane of(NetworkStep step, List<String> nodeNames) {
        var fields = step.fields();
        Pane pane = new Pane();
        pane.setId("network-picture");
        pane.setPrefSize(WIDTH, HEIGHT);
        pane.setMinSize(WIDTH, HEIGHT);
        pane.setMaxSize(WIDTH, HEIGHT);
        pane.setAccessibleText("Picture: the clients reach both nodes over the client network and the virtual IP; "
                + "the nodes mirror their disks over the replication network.");

        box(pane, WIDTH / 2 - 90, 6, 180, 34, "Clients (initiators)", Color.web("#eceff1"));
        line(pane, WIDTH / 2, 40, WIDTH / 2, 70, CLIENT, 2);
        line(pane, 40, 70, WIDTH - 40, 70, CLIENT, 3);
        text(pane, 44, 64, value(fields, "$.networks.client.cidr", "client network ", "Client network"), CLIENT, false);
        text(pane, WIDTH / 2 + 8, 56, value(fields, "$.networks.client.virtualIp", "virtual IP ", "virtual IP: ?"), CLIENT, true);

        double nodeWidth = 150;
        double[] x = {70, WIDTH - 70 - nodeWidth};
        for (int n = 0; n < 2; n++) {
            double centre = x[n] + nodeWidth / 2;
            line(pane, centre, 70, centre, 130, CLIENT, 2);
            text(pane, centre + 6, 100, value(fields, "$.nodes[" + n + "].links[0].address", "", "address ?"), CLIENT, false);
            box(pane, x[n], 130, nodeWidth, 44, nodeNames.get(n), Color.web("#fff8e1"));
        }
        double y = 174;
        line(pane, x[0] + nodeWidth / 2, y, x[0] + nodeWidth / 2, 210, REPLICATION, 2);
        line(pane, x[1] + nodeWidth / 2, y, x[1] + nodeWidth / 2, 210, REPLICATION, 2);
        line(pane, x[0] + nodeWidth / 2, 210, x[1] + nodeWidth / 2, 210, REPLICATION, 3);
        text(pane, x[0] + nodeWidth / 2 + 6, 196, value(fields, "$.nodes[0].links[1].address", "", "address ?"), REPLICATION, false);
        text(pane, x[1] + nodeWidth / 2 + 6, 196, value(fields, "$.nodes[1].links[1].address", "", "address ?"), REPLICATION, false);
        text(pane, WIDTH / 2 - 120, 230, value(fields, "$.networks.replication.cidr", "replication network ", "Replication network"),
                REPLICATION, false);
        return pane;
    }

    private static ObservableValue<String> value(List<FieldBinding> fields, String path, String prefix, String whenEmpty) {
        FieldBinding field = Form.byPath(fields, path);
        return Bindings.createStringBinding(() -> field.value().get().isBlank() ? whenEmpty : prefix + field.value().get(), field.value());
    }

    private static void box(Pane pane, double x, double y, double w, double h, String label, Color fill) {
        Rectangle rect = new Rectangle(x, y, w, h);
        rect.setArcWidth(10);
        rect.setArcHeight(10);
        rect.setFill(fill);
        rect.setStroke(Color.web("#607d8b"));
        Text text = new Text(label);
        text.setWrappingWidth(w);
        text.setTextAlignment(TextAlignment.CENTER);
        text.setTextOrigin(VPos.CENTER);
        text.setX(x);
        text.setY(y + h / 2);
        text.setStyle("-fx-font-weight: bold;");
        pane.getChildren().addAll(rect, text);
    }

    private static void line(Pane pane, double x1, double y1, double x2, double y2, Color colour, double width) {
        Line line = new Line(x1, y1, x2, y2);
        line.setStroke(colour);
        line.setStrokeWidth(width);
        pane.getChildren().add(line);
    }

    private static void text(Pane pane, double x, double y, ObservableValue<String> value, Color colour, boolean bold) {
        Text text = new Text();
        text.textProperty().bind(value);
        text.setFill(colour);
        text.setX(x);
        text.setY(y);
        if (bold) {
            text.setStyle("-fx-font-weight: bold;");
        }
        pane.getChildren().add(text);
    }
}
